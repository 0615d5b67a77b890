import "server-only";
import { and, eq, exists, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, caseloads, observations } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addDays, clinicDayRange, clinicToday } from "@/lib/time";

/** How far ahead the "next clinic day" is looked for. */
export const NEXT_DAY_LOOKAHEAD_DAYS = 7;

export type Window = { today: string; todayStart: Date; todayEnd: Date; windowEnd: Date };

/** Today in the clinic's zone and the span searched for the next day with appointments. */
export function workingSetWindow(actor: Actor, now = new Date()): Window {
  const tz = actor.clinic.timeZone;
  const today = clinicToday(tz, now);
  const { start, end } = clinicDayRange(today, tz);
  return { today, todayStart: start, todayEnd: end, windowEnd: clinicDayRange(addDays(today, NEXT_DAY_LOOKAHEAD_DAYS), tz).end };
}

/**
 * The appointments a working set may hold, as Today scopes them (the aide's own, in the clinic, patient
 * on the aide's caseload): those in the window, and those whose entry was returned to the aide. The
 * same clause serves the full pull and the ETag, so both see the same rows.
 */
export function appointmentScope(actor: Actor, w: Window): SQL {
  const db = getDb();
  return and(
    eq(appointments.clinicId, actor.clinicId),
    eq(appointments.assistantId, actor.id),
    exists(db.select({ one: sql`1` }).from(caseloads).where(and(eq(caseloads.patientId, appointments.patientId), eq(caseloads.assistantId, actor.id)))),
    or(
      and(gte(appointments.startsAt, w.todayStart), lt(appointments.startsAt, w.windowEnd)),
      exists(
        db
          .select({ one: sql`1` })
          .from(observations)
          .where(and(eq(observations.appointmentId, appointments.id), eq(observations.capturedBy, actor.id), eq(observations.status, "returned"))),
      ),
    ),
  )!;
}
