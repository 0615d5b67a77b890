import { issuePinChallenge } from "@/lib/auth/pin-challenge";
import { jsonBody, tabletJson } from "../respond";

export const dynamic = "force-dynamic";

/** Part of signing in, so no session: a one-time challenge for any well-formed enrolment id (lib/auth/pin-challenge.ts). */
export async function POST(req: Request) {
  return tabletJson(async () => issuePinChallenge(await jsonBody(req)), "/api/tablet/pin-challenge");
}
