import "server-only";
import { and, eq, gte, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { lockAppointment } from "./load-appointment";
import { cancelAppointmentSchema } from "./schemas";

/** Cancel one appointment, or this and the following ones of its series. Cancelled rows free their
 * slot (the exclusion constraints ignore them) and are kept for the record. */
export async function cancelAppointment(actor: Actor, input: unknown): Promise<{ cancelled: number }> {
  assertCan(actor, "schedule:manage");
  const data = cancelAppointmentSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const target = await lockAppointment(tx, actor, data.appointmentId, data.version);
    const which =
      data.scope === "following" && target.seriesId
        ? and(
            eq(appointments.seriesId, target.seriesId),
            eq(appointments.clinicId, actor.clinicId),
            gte(appointments.startsAt, target.startsAt),
            ne(appointments.status, "cancelled"),
            isNull(appointments.attendance),
          )
        : eq(appointments.id, target.id);
    const rows = await tx
      .update(appointments)
      .set({ status: "cancelled", cancelReason: data.reason, updatedAt: new Date(), version: sql`${appointments.version} + 1` })
      .where(which)
      .returning({ id: appointments.id });
    await audit(tx, actor, {
      action: "appointment.cancel",
      entity: "appointment",
      entityId: target.id,
      patientId: target.patientId,
      detail: { scope: data.scope, count: rows.length, ids: rows.map((r) => r.id) },
    });
    return { cancelled: rows.length };
  });
}
