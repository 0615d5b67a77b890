import "server-only";
import { and, eq, gte, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { clinicDate, zonedToUtc } from "@/lib/time";
import { conflictError, exclusionError, exclusionReason, findConflicts } from "./conflicts";
import { lockAppointment } from "./load-appointment";
import { checkBookingRefs } from "./refs";
import { updateAppointmentSchema } from "./schemas";
import { actorLocale } from "@/lib/i18n/actor-locale";

/**
 * Edit or move one appointment, or this and the following occurrences of its series (each keeps its
 * own date and takes the new time, length, room and staff). Conflicts are refused as at booking time.
 */
export async function updateAppointment(actor: Actor, input: unknown): Promise<{ updated: number; version: number }> {
  assertCan(actor, "schedule:manage");
  const data = updateAppointmentSchema.parse(input);
  const tz = actor.clinic.timeZone;
  try {
    return await getDb().transaction(async (tx) => {
      const target = await lockAppointment(tx, actor, data.appointmentId, data.version);
      await checkBookingRefs(tx, actor.clinicId, { therapistId: data.therapistId, assistantId: data.assistantId, roomId: data.roomId });
      let rows = [target];
      if (data.scope === "following" && target.seriesId) {
        if (data.date !== clinicDate(target.startsAt, tz))
          throw new AppError("VALIDATION", { key: "errors.schedule.keepDate" }, { date: ["errors.schedule.keepDateField"] });
        rows = await tx
          .select()
          .from(appointments)
          .where(
            and(
              eq(appointments.seriesId, target.seriesId),
              eq(appointments.clinicId, actor.clinicId),
              gte(appointments.startsAt, target.startsAt),
              ne(appointments.status, "cancelled"),
              isNull(appointments.attendance),
            ),
          )
          .for("update");
      }
      const changes = rows.map((r) => {
        const date = r.id === target.id ? data.date : clinicDate(r.startsAt, tz);
        const startsAt = zonedToUtc(date, data.startTime, tz);
        return { id: r.id, date, startsAt, endsAt: new Date(startsAt.getTime() + data.durationMinutes * 60_000), patientId: r.patientId };
      });
      const ids = changes.map((c) => c.id);
      const conflicts = await findConflicts(
        tx,
        actor.clinicId,
        changes.map((c) => ({ ...c, therapistId: data.therapistId, assistantId: data.assistantId, roomId: data.roomId })),
        tz,
        ids,
        await actorLocale(actor),
      );
      if (conflicts.length) throw conflictError(conflicts);
      for (const c of changes) {
        await tx
          .update(appointments)
          .set({
            startsAt: c.startsAt,
            endsAt: c.endsAt,
            therapistId: data.therapistId,
            assistantId: data.assistantId,
            roomId: data.roomId,
            updatedAt: new Date(),
            version: sql`${appointments.version} + 1`,
          })
          .where(and(eq(appointments.id, c.id), inArray(appointments.id, ids)));
      }
      await audit(tx, actor, {
        action: "appointment.update",
        entity: "appointment",
        entityId: target.id,
        patientId: target.patientId,
        detail: {
          scope: data.scope,
          count: changes.length,
          before: { startsAt: target.startsAt.toISOString(), roomId: target.roomId, therapistId: target.therapistId, assistantId: target.assistantId },
          after: { startsAt: changes[0]!.startsAt.toISOString(), roomId: data.roomId, therapistId: data.therapistId, assistantId: data.assistantId, durationMinutes: data.durationMinutes },
        },
      });
      return { updated: changes.length, version: target.version + 1 };
    });
  } catch (err) {
    const reason = exclusionReason(err);
    if (reason) throw exclusionError(reason);
    throw err;
  }
}
