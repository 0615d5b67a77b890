import "server-only";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, patients } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { addDays, zonedToUtc } from "@/lib/time";

export type AttendanceCounts = { total: number; present: number; late: number; noShow: number; cancelled: number; unrecorded: number };
export type AttendanceByDay = AttendanceCounts & { date: string };
export type AttendanceByPatient = AttendanceCounts & { patientId: string; name: string; mrn: string };

// Cancelled = cancelled by the clinic (status) or late-cancelled at the door (attendance).
const counts = {
  total: sql<number>`count(*)::int`,
  present: sql<number>`count(*) filter (where ${appointments.attendance} = 'present')::int`,
  late: sql<number>`count(*) filter (where ${appointments.attendance} = 'late')::int`,
  noShow: sql<number>`count(*) filter (where ${appointments.attendance} = 'no_show')::int`,
  cancelled: sql<number>`count(*) filter (where ${appointments.status} = 'cancelled' or ${appointments.attendance} = 'cancelled')::int`,
  unrecorded: sql<number>`count(*) filter (where ${appointments.status} <> 'cancelled' and ${appointments.attendance} is null)::int`,
};

/**
 * Attendance per clinic day and per patient over [from, to] (clinic-local dates, up to now): counts
 * only, never clinical content. Two grouped queries, whatever the number of patients.
 */
export async function attendanceOverview(actor: Actor, range: { from: string; to: string }, now = new Date()) {
  assertCan(actor, "schedule:view");
  const tz = actor.clinic.timeZone;
  const start = zonedToUtc(range.from, "00:00", tz);
  const endOfRange = zonedToUtc(addDays(range.to, 1), "00:00", tz);
  const end = endOfRange < now ? endOfRange : now;
  const scope = and(eq(appointments.clinicId, actor.clinicId), gte(appointments.startsAt, start), lt(appointments.startsAt, end));
  const localDay = sql<string>`to_char(${appointments.startsAt} at time zone ${tz}, 'YYYY-MM-DD')`;
  const db = getDb();
  const [byDay, byPatient] = await Promise.all([
    db.select({ date: localDay, ...counts }).from(appointments).where(scope)// grouped by position: the zone is a bind parameter, so a repeated expression would not match
    .groupBy(sql`1`).orderBy(sql`1`),
    db
      .select({
        patientId: appointments.patientId,
        name: sql<string>`coalesce(${patients.preferredName}, ${patients.firstName}) || ' ' || ${patients.lastName}`,
        mrn: patients.mrn,
        lastName: patients.lastName,
        ...counts,
      })
      .from(appointments)
      .innerJoin(patients, eq(patients.id, appointments.patientId))
      .where(scope)
      .groupBy(appointments.patientId, patients.preferredName, patients.firstName, patients.lastName, patients.mrn)
      .orderBy(asc(patients.lastName), asc(patients.firstName)),
  ]);
  const totals = byDay.reduce<AttendanceCounts>(
    (t, d) => ({
      total: t.total + d.total,
      present: t.present + d.present,
      late: t.late + d.late,
      noShow: t.noShow + d.noShow,
      cancelled: t.cancelled + d.cancelled,
      unrecorded: t.unrecorded + d.unrecorded,
    }),
    { total: 0, present: 0, late: 0, noShow: 0, cancelled: 0, unrecorded: 0 },
  );
  return { byDay: byDay as AttendanceByDay[], byPatient: byPatient.map(({ lastName: _l, ...r }) => r) as AttendanceByPatient[], totals };
}

/** "82%" of a part of a whole; "—" for none. */
export function rate(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 100)}%` : "—";
}
