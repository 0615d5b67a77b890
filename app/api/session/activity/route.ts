import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

/** The tablet reports that its user is working (typing, tapping) though no page was requested, so the
 * server-side idle timer matches what the user does. Reading the session touches it. */
export async function POST() {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ active: false }, { status: 401 });
  return NextResponse.json({ active: true, idleTimeoutMinutes: actor.clinic.idleTimeoutMinutes });
}
