import { FHIR_TYPE_NAMES } from "@/lib/auth/permissions";

/** The scopes an admin may grant a client: all reads, or reads of some types. */
export const GRANTABLE_SCOPES = ["system/*.read", ...FHIR_TYPE_NAMES.map((t) => `system/${t}.read`)];

/**
 * The scopes a token gets: those asked for that the grant covers. `system/*.read` granted covers any
 * `system/Type.read`; `system/*.read` asked of a narrower grant gets that grant (down-scoping).
 */
export function grantableScopes(requested: string, granted: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of requested.split(/\s+/).filter(Boolean)) {
    if (granted.includes(s)) out.add(s);
    else if (s === "system/*.read") granted.forEach((g) => out.add(g));
    else if (granted.includes("system/*.read") && /^system\/[A-Za-z]+\.read$/.test(s) && FHIR_TYPE_NAMES.includes(s.slice(7, -5) as never)) out.add(s);
  }
  return [...out];
}
