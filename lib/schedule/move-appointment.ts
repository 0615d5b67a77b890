import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { zonedToUtc } from "@/lib/time";
import { conflictError, exclusionError, exclusionReason, findConflicts } from "./conflicts";
import { lockAppointment } from "./load-appointment";
import { checkBookingRefs } from "./refs";
import { moveAppointmentSchema } from "./schemas";
import { actorLocale } from "@/lib/i18n/actor-locale";

/** Move one appointment to another day, time and (optionally) room, keeping its length and people. */
export async function moveAppointment(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "schedule:manage");
  const data = moveAppointmentSchema.parse(input);
  const tz = actor.clinic.timeZone;
  try {
    return await getDb().transaction(async (tx) => {
      const a = await lockAppointment(tx, actor, data.appointmentId, data.version);
      const roomId = data.roomId || a.roomId;
      if (roomId !== a.roomId) await checkBookingRefs(tx, actor.clinicId, { therapistId: a.therapistId, assistantId: a.assistantId, roomId });
      const startsAt = zonedToUtc(data.date, data.startTime, tz);
      const endsAt = new Date(startsAt.getTime() + (a.endsAt.getTime() - a.startsAt.getTime()));
      const conflicts = await findConflicts(tx, actor.clinicId, [{ ...a, roomId, date: data.date, startsAt, endsAt }], tz, [a.id], await actorLocale(actor));
      if (conflicts.length) throw conflictError(conflicts);
      await tx
        .update(appointments)
        .set({ startsAt, endsAt, roomId, updatedAt: new Date(), version: sql`${appointments.version} + 1` })
        .where(and(eq(appointments.id, a.id), eq(appointments.clinicId, actor.clinicId)));
      await audit(tx, actor, {
        action: "appointment.move",
        entity: "appointment",
        entityId: a.id,
        patientId: a.patientId,
        detail: { from: { startsAt: a.startsAt.toISOString(), roomId: a.roomId }, to: { startsAt: startsAt.toISOString(), roomId } },
      });
      return { id: a.id };
    });
  } catch (err) {
    const reason = exclusionReason(err);
    if (reason) throw exclusionError(reason);
    throw err;
  }
}
