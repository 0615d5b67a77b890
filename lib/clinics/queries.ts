import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

export async function getClinicSettings(actor: Actor) {
  assertCan(actor, "clinic:settings");
  const [c] = await getDb()
    .select({
      name: clinics.name,
      timeZone: clinics.timeZone,
      signoffDeadlineHours: clinics.signoffDeadlineHours,
      idleTimeoutMinutes: clinics.idleTimeoutMinutes,
      pinEnrolmentDays: clinics.pinEnrolmentDays,
      version: clinics.version,
    })
    .from(clinics)
    .where(eq(clinics.id, actor.clinicId));
  if (!c) throw notFound("Clinic");
  return c;
}
