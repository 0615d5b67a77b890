import "server-only";
import { and, asc, desc, eq, gte, inArray, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, delegations, goals, observations, patients } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { patientScope } from "@/lib/patients/queries";
import { amendmentsFor } from "@/lib/observations/review-queries";
import { compilePatientFigures } from "@/lib/reports/compile";
import { clinicDayRange, clinicToday } from "@/lib/time";
import { periodParams } from "@/lib/validation";

/** The date range of a progress view: valid "YYYY-MM-DD" params, else the last 8 weeks. */
export function progressRange(timeZone: string, from?: string | string[], to?: string | string[]) {
  return periodParams(clinicToday(timeZone), from, to, 56);
}

/**
 * A patient's progress over [from, to]: attendance, attitude, goal series, accomplishments and signed
 * entries. Therapists see everything; assistants see their caseload's delegated part only (the goals
 * delegated to them and their own entries). Admins have no clinical permission. Audited.
 */
export async function getPatientProgress(actor: Actor, patientId: string, range: { from: string; to: string }) {
  assertCan(actor, "patient:read-clinical");
  const db = getDb();
  const [p] = await db.select({ id: patients.id }).from(patients).where(and(eq(patients.id, patientId), patientScope(actor)));
  if (!p) throw notFound("Patient");
  const tz = actor.clinic.timeZone;
  const assistant = actor.role === "assistant";
  const delegated = assistant
    ? await db
        .select({ goalId: delegations.goalId, taskType: delegations.taskType, instructions: delegations.instructions, status: delegations.status })
        .from(delegations)
        .where(and(eq(delegations.patientId, p.id), eq(delegations.assistantId, actor.id)))
    : null;
  const goalIds = delegated ? [...new Set(delegated.map((d) => d.goalId).filter((g): g is string => !!g))] : undefined;
  const figures = await compilePatientFigures(db, { patientId: p.id, ...range, timeZone: tz, statuses: ["signed"], goalIds });
  const start = clinicDayRange(range.from, tz).start;
  const end = clinicDayRange(range.to, tz).end;
  const [history, entries, goalRows] = await Promise.all([
    db
      .select({ id: appointments.id, startsAt: appointments.startsAt, status: appointments.status, attendance: appointments.attendance })
      .from(appointments)
      .where(and(eq(appointments.patientId, p.id), gte(appointments.startsAt, start), lt(appointments.startsAt, end), lt(appointments.startsAt, new Date())))
      .orderBy(desc(appointments.startsAt))
      .limit(200),
    db
      .select({
        id: observations.id,
        sessionAt: appointments.startsAt,
        attitude: observations.attitude,
        attitudeTags: observations.attitudeTags,
        accomplishments: observations.accomplishments,
        note: observations.note,
        capturedByLabel: observations.capturedByLabel,
        signedByLabel: observations.signedByLabel,
        signedAt: observations.signedAt,
      })
      .from(observations)
      .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
      .where(
        and(
          eq(observations.patientId, p.id),
          eq(observations.status, "signed"),
          gte(appointments.startsAt, start),
          lt(appointments.startsAt, end),
          assistant ? eq(observations.capturedBy, actor.id) : undefined,
        ),
      )
      .orderBy(desc(appointments.startsAt))
      .limit(100),
    db
      .select()
      .from(goals)
      .where(and(eq(goals.patientId, p.id), goalIds ? inArray(goals.id, goalIds.length ? goalIds : [p.id]) : undefined))
      .orderBy(asc(goals.status), asc(goals.createdAt)),
  ]);
  const amended = await amendmentsFor(entries.map((e) => e.id));
  await audit(db, actor, { action: "patient.view_progress", entity: "patient", entityId: p.id, patientId: p.id, detail: range });
  return {
    range,
    figures,
    goals: goalRows,
    delegated,
    history,
    entries: entries.map((e) => ({ ...e, amendments: amended.get(e.id) ?? [] })),
  };
}
export type PatientProgress = Awaited<ReturnType<typeof getPatientProgress>>;
