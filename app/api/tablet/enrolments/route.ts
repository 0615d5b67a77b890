import { requireActor } from "@/lib/auth/session";
import { enrolDevice } from "@/lib/auth/enrol-device";
import { jsonBody, tabletJson } from "../respond";

export const dynamic = "force-dynamic";

/** Enrol this tablet for the signed-in aide's PIN sign-in (lib/auth/enrol-device.ts): body EnrolRequest. */
export async function POST(req: Request) {
  return tabletJson(async () => enrolDevice(await requireActor(), await jsonBody(req)), "/api/tablet/enrolments");
}
