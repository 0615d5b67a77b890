import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { zonedToUtc } from "@/lib/time";
import { conflictError, exclusionError, exclusionReason, findConflicts } from "./conflicts";
import { checkBookingRefs } from "./refs";
import { appointmentSchema } from "./schemas";
import { actorLocale } from "@/lib/i18n/actor-locale";

/**
 * Book one appointment at a local time in the clinic's zone. Overlaps are reported by a pre-check and,
 * under concurrency, refused by the database's exclusion constraints. A retried submit with the same
 * client id books once.
 */
export async function createAppointment(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "schedule:manage");
  const data = appointmentSchema.parse(input);
  const tz = actor.clinic.timeZone;
  const startsAt = zonedToUtc(data.date, data.startTime, tz);
  const endsAt = new Date(startsAt.getTime() + data.durationMinutes * 60_000);
  const id = data.id ?? crypto.randomUUID();
  try {
    return await getDb().transaction(async (tx) => {
      const [already] = await tx.select({ id: appointments.id, clinicId: appointments.clinicId }).from(appointments).where(eq(appointments.id, id));
      if (already) {
        if (already.clinicId !== actor.clinicId) throw notFound("Appointment");
        return { id };
      }
      await checkBookingRefs(tx, actor.clinicId, data);
      const candidate = { date: data.date, startsAt, endsAt, patientId: data.patientId, therapistId: data.therapistId, assistantId: data.assistantId, roomId: data.roomId };
      const conflicts = await findConflicts(tx, actor.clinicId, [candidate], tz, [], await actorLocale(actor));
      if (conflicts.length) throw conflictError(conflicts);
      await tx
        .insert(appointments)
        .values({ id, clinicId: actor.clinicId, patientId: data.patientId, therapistId: data.therapistId, assistantId: data.assistantId, roomId: data.roomId, startsAt, endsAt })
        .onConflictDoNothing({ target: appointments.id });
      await audit(tx, actor, {
        action: "appointment.create",
        entity: "appointment",
        entityId: id,
        patientId: data.patientId,
        detail: { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), roomId: data.roomId, therapistId: data.therapistId, assistantId: data.assistantId },
      });
      return { id };
    });
  } catch (err) {
    const reason = exclusionReason(err);
    if (reason) throw exclusionError(reason);
    throw err;
  }
}
