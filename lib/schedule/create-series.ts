import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, appointmentSeries } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { exclusionReason, findConflicts, type Conflict } from "./conflicts";
import { weeklyOccurrences } from "./occurrences";
import { checkBookingRefs } from "./refs";
import { seriesSchema } from "./schemas";
import { actorLocale } from "@/lib/i18n/actor-locale";

export type CreateSeriesResult =
  | { status: "created"; seriesId: string; created: number; skipped: string[] }
  /** nothing was saved: every conflicting date with its reasons */
  | { status: "conflicts"; conflicts: Conflict[]; total: number };

/**
 * Book a weekly series in one transaction. Conflicting dates are all reported and nothing is saved,
 * unless the admin asked to skip them. A booking that races in between is still refused by the
 * exclusion constraints; the whole series is then rolled back and its conflicts reported afresh.
 */
export async function createSeries(actor: Actor, input: unknown): Promise<CreateSeriesResult> {
  assertCan(actor, "schedule:manage");
  const data = seriesSchema.parse(input);
  const tz = actor.clinic.timeZone;
  const occ = weeklyOccurrences({
    startsOn: data.startsOn,
    weekdays: data.weekdays,
    startTime: data.startTime,
    durationMinutes: data.durationMinutes,
    timeZone: tz,
    untilOn: data.endMode === "until" ? data.untilOn || null : null,
    count: data.endMode === "count" && data.occurrences !== "" ? data.occurrences : null,
  });
  if (!occ.length) throw new AppError("VALIDATION", { key: "errors.schedule.noDates" }, { weekdays: ["errors.schedule.noDatesField"] });
  const candidates = occ.map((o) => ({ ...o, patientId: data.patientId, therapistId: data.therapistId, assistantId: data.assistantId, roomId: data.roomId }));
  const db = getDb();
  await checkBookingRefs(db, actor.clinicId, data);
  const seriesId = data.id ?? crypto.randomUUID();

  const attempt = async () =>
    db.transaction(async (tx) => {
      const [done] = await tx
        .select({ clinicId: appointmentSeries.clinicId, n: sql<number>`(select count(*)::int from ${appointments} where ${appointments.seriesId} = ${seriesId})` })
        .from(appointmentSeries)
        .where(eq(appointmentSeries.id, seriesId));
      if (done) {
        // a retried submit: the series exists already
        if (done.clinicId !== actor.clinicId) throw notFound("Series");
        return { status: "created" as const, seriesId, created: Number(done.n), skipped: [] };
      }
      const conflicts = await findConflicts(tx, actor.clinicId, candidates, tz, [], await actorLocale(actor));
      const busy = new Set(conflicts.map((c) => c.date));
      if (conflicts.length && !data.skipConflicts) return { status: "conflicts" as const, conflicts, total: occ.length };
      const free = candidates.filter((c) => !busy.has(c.date));
      if (!free.length) return { status: "conflicts" as const, conflicts, total: occ.length };
      await tx.insert(appointmentSeries).values({
        id: seriesId,
        clinicId: actor.clinicId,
        patientId: data.patientId,
        therapistId: data.therapistId,
        assistantId: data.assistantId,
        roomId: data.roomId,
        weekdays: data.weekdays,
        startTime: data.startTime,
        durationMinutes: data.durationMinutes,
        startsOn: data.startsOn,
        untilOn: data.endMode === "until" ? data.untilOn || null : null,
        occurrences: data.endMode === "count" && data.occurrences !== "" ? (data.occurrences ?? null) : null,
        createdBy: actor.id,
      });
      await tx.insert(appointments).values(
        free.map((c) => ({
          clinicId: actor.clinicId,
          patientId: c.patientId,
          therapistId: c.therapistId,
          assistantId: c.assistantId,
          roomId: c.roomId,
          startsAt: c.startsAt,
          endsAt: c.endsAt,
          seriesId,
        })),
      );
      const skipped = [...busy].sort();
      await audit(tx, actor, {
        action: "appointment_series.create",
        entity: "appointment_series",
        entityId: seriesId,
        patientId: data.patientId,
        detail: { created: free.length, skipped, weekdays: data.weekdays, startTime: data.startTime, startsOn: data.startsOn },
      });
      return { status: "created" as const, seriesId, created: free.length, skipped };
    });

  try {
    return await attempt();
  } catch (err) {
    if (!exclusionReason(err)) throw err;
    // Someone booked into the series' slots after the pre-check: nothing was saved; report what clashes now.
    const conflicts = await findConflicts(db, actor.clinicId, candidates, tz, [], await actorLocale(actor));
    if (!conflicts.length) throw new AppError("CONFLICT", { key: "errors.schedule.raced" });
    return { status: "conflicts", conflicts, total: occ.length };
  }
}
