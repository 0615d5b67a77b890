import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { supervisions, users, verbalReports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

export type VerbalReportView = { id: string; reportedAt: Date; summary: string; therapistLabel: string; reportedByName: string };

const label = (u: { name: string; title: string | null }) => (u.title ? `${u.name}, ${u.title}` : u.name);
const therapist = alias(users, "therapist");
const reporter = alias(users, "reporter");

/** Verbal reports logged for one appointment, oldest first. Callers scope the appointment first (the
 * session page: the aide's own; the review page: an entry the therapist may review). */
export async function verbalReportsFor(appointmentId: string): Promise<VerbalReportView[]> {
  const rows = await getDb()
    .select({ r: verbalReports, therapistName: therapist.name, therapistTitle: therapist.title, reportedByName: reporter.name })
    .from(verbalReports)
    .innerJoin(therapist, eq(therapist.id, verbalReports.therapistId))
    .innerJoin(reporter, eq(reporter.id, verbalReports.reportedBy))
    .where(eq(verbalReports.appointmentId, appointmentId))
    .orderBy(asc(verbalReports.reportedAt));
  return rows.map(({ r, therapistName, therapistTitle, reportedByName }) => ({
    id: r.id,
    reportedAt: r.reportedAt,
    summary: r.summary,
    therapistLabel: label({ name: therapistName, title: therapistTitle }),
    reportedByName,
  }));
}

/** Who the aide can say they told: the session's therapist first, then their other supervisors. */
export async function verbalReportTargets(actor: Actor, sessionTherapist: { id: string; label: string }): Promise<{ id: string; label: string }[]> {
  assertCan(actor, "verbal-report:log");
  const rows = await getDb()
    .select({ id: users.id, name: users.name, title: users.title })
    .from(supervisions)
    .innerJoin(users, eq(users.id, supervisions.therapistId))
    .where(and(eq(supervisions.assistantId, actor.id), eq(supervisions.clinicId, actor.clinicId), eq(users.active, true)))
    .orderBy(asc(users.name));
  return [sessionTherapist, ...rows.filter((r) => r.id !== sessionTherapist.id).map((r) => ({ id: r.id, label: label(r) }))];
}
