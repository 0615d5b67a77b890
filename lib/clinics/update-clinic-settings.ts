import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { clinicSettingsSchema } from "./schemas";

/** Change the clinic's time zone, sign-off deadline, idle timeout and tablet PIN enrolment days. Optimistic concurrency:
 * a save based on an older version is refused, never silently applied over someone else's. */
export async function updateClinicSettings(actor: Actor, input: unknown) {
  assertCan(actor, "clinic:settings");
  const data = clinicSettingsSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ timeZone: clinics.timeZone, signoffDeadlineHours: clinics.signoffDeadlineHours, idleTimeoutMinutes: clinics.idleTimeoutMinutes, pinEnrolmentDays: clinics.pinEnrolmentDays })
      .from(clinics)
      .where(eq(clinics.id, actor.clinicId));
    const [row] = await tx
      .update(clinics)
      .set({
        timeZone: data.timeZone,
        signoffDeadlineHours: data.signoffDeadlineHours,
        idleTimeoutMinutes: data.idleTimeoutMinutes,
        ...(data.pinEnrolmentDays === undefined ? {} : { pinEnrolmentDays: data.pinEnrolmentDays }),
        version: sql`${clinics.version} + 1`,
      })
      .where(and(eq(clinics.id, actor.clinicId), eq(clinics.version, data.version)))
      .returning({ version: clinics.version });
    if (!row) throw conflict({ key: "errors.clinic.stale" });
    await audit(tx, actor, {
      action: "clinic.settings_update",
      entity: "clinic",
      entityId: actor.clinicId,
      detail: { before, after: { timeZone: data.timeZone, signoffDeadlineHours: data.signoffDeadlineHours, idleTimeoutMinutes: data.idleTimeoutMinutes, pinEnrolmentDays: data.pinEnrolmentDays ?? before?.pinEnrolmentDays } },
    });
    return { version: row.version };
  });
}
