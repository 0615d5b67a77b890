import { PERMISSIONS, type Permission } from "../../lib/auth/permissions";
import type { Who } from "./matrix-spec";

/**
 * Payload rules (DESIGN rule 8, minimum necessary): content a role without the permission must never
 * receive, in any response (HTML, RSC payload, CSV), whatever the status. Strings from the demo seed.
 */
export const PAYLOAD_RULES: { permission: Permission; what: string; strings: string[] }[] = [
  {
    permission: "patient:read-clinical",
    what: "precautions, goals, delegated tasks or entry text",
    strings: [
      "Hip precautions (posterior)", // Maggie's precautions
      "Weight bearing as tolerated",
      "Spinal precautions: no bending",
      "Walk 150 ft with rolling walker", // a goal
      "Button board, large to medium buttons", // a delegation's instructions
      "Followed the delegated plan", // entry notes
      "Completed every set without a rest", // accomplishments
      "Asked for water halfway through", // comfort and needs
    ],
  },
];

/** The payload rules a role is subject to: those whose permission it does not hold. */
export function payloadRulesFor(who: Who) {
  return PAYLOAD_RULES.filter((r) => who === "anonymous" || !(PERMISSIONS[r.permission].roles as readonly string[]).includes(who));
}
