import "server-only";
import { and, asc, desc, eq, getTableColumns, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import {
  amendments,
  appointments,
  delegations,
  educationGiven,
  goalObservations,
  goals,
  handoutVersions,
  observations,
  patients,
  taskCompletions,
  users,
} from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { verbalReportsFor } from "@/lib/reports/verbal-report-queries";
import { displayName } from "@/lib/patients/queries";
import { formatAge, formatDeadline, isOverdue, signoffDeadline } from "./signoff-deadline";
import { reviewScope } from "./review-scope";

export type QueueItem = {
  id: string;
  patientId: string;
  patientName: string;
  assistantLabel: string;
  sessionAt: Date;
  submittedAt: Date;
  deadline: Date;
  deadlineLabel: string;
  age: string;
  overdue: boolean;
};

/** Entries awaiting this therapist's signature, oldest first, with age and overdue flags. */
export async function reviewQueue(actor: Actor, now = new Date()): Promise<QueueItem[]> {
  assertCan(actor, "review:view");
  const rows = await getDb()
    .select({
      id: observations.id,
      patientId: observations.patientId,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      assistantLabel: observations.capturedByLabel,
      sessionAt: appointments.startsAt,
      submittedAt: observations.submittedAt,
    })
    .from(observations)
    .innerJoin(patients, eq(patients.id, observations.patientId))
    .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
    .where(and(reviewScope(actor), eq(observations.status, "submitted")))
    .orderBy(asc(observations.submittedAt))
    .limit(300);
  const { timeZone, signoffDeadlineHours: hours } = actor.clinic;
  return rows.map((r) => {
    const submittedAt = r.submittedAt ?? r.sessionAt;
    const deadline = signoffDeadline(submittedAt, timeZone, hours);
    return {
      id: r.id,
      patientId: r.patientId,
      patientName: displayName(r),
      assistantLabel: r.assistantLabel,
      sessionAt: r.sessionAt,
      submittedAt,
      deadline,
      deadlineLabel: formatDeadline(deadline, timeZone, now),
      age: formatAge(submittedAt, now),
      overdue: isOverdue(submittedAt, timeZone, hours, now),
    };
  });
}

export type OverdueItem = { id: string; patientName: string; assistant: string; therapist: string; submittedAt: Date; age: string };

/** Entries past the sign-off deadline (DESIGN rule 5): a therapist's own, or the whole clinic for
 * admins. Names and ages only, never clinical content, so admins may see it. */
export async function overdueSignoffs(actor: Actor, now = new Date()): Promise<OverdueItem[]> {
  assertCan(actor, "overdue:view");
  const assistant = alias(users, "assistant");
  const therapist = alias(users, "therapist");
  const rows = await getDb()
    .select({
      id: observations.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      assistant: assistant.name,
      therapist: therapist.name,
      submittedAt: observations.submittedAt,
    })
    .from(observations)
    .innerJoin(patients, eq(patients.id, observations.patientId))
    .innerJoin(assistant, eq(assistant.id, observations.capturedBy))
    .innerJoin(therapist, eq(therapist.id, observations.supervisingTherapistId))
    .where(
      and(
        actor.role === "admin" ? eq(observations.clinicId, actor.clinicId) : reviewScope(actor),
        eq(observations.status, "submitted"),
      ),
    )
    .orderBy(asc(observations.submittedAt))
    .limit(500);
  const { timeZone, signoffDeadlineHours: hours } = actor.clinic;
  return rows
    .filter((r) => r.submittedAt && isOverdue(r.submittedAt, timeZone, hours, now))
    .map((r) => ({
      id: r.id,
      patientName: displayName(r),
      assistant: r.assistant,
      therapist: r.therapist,
      submittedAt: r.submittedAt!,
      age: formatAge(r.submittedAt!, now),
    }));
}

/** One entry with everything the assistant recorded, its amendments, the patient's precautions and
 * recent signed history. Scoped to the reviewing therapist; reading it is audited. */
export async function getEntryForReview(actor: Actor, observationId: string) {
  assertCan(actor, "review:view");
  if (!/^[0-9a-f-]{36}$/i.test(observationId)) throw notFound("Entry");
  const db = getDb();
  const [entry] = await db
    .select({ o: observations, sessionAt: appointments.startsAt, attendance: appointments.attendance, patient: patients })
    .from(observations)
    .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
    .innerJoin(patients, eq(patients.id, observations.patientId))
    .where(and(eq(observations.id, observationId), reviewScope(actor)));
  if (!entry) throw notFound("Entry");
  const [goalRows, taskRows, educationRows, amendmentRows, history, verbal] = await Promise.all([
    db
      .select({ description: goals.description, unit: goals.unit, target: goals.target, value: goalObservations.value, assistLevel: goalObservations.assistLevel, note: goalObservations.note })
      .from(goalObservations)
      .innerJoin(goals, eq(goals.id, goalObservations.goalId))
      .where(eq(goalObservations.observationId, observationId)),
    db
      .select({ taskType: delegations.taskType, instructions: delegations.instructions, done: taskCompletions.done, note: taskCompletions.note })
      .from(taskCompletions)
      .innerJoin(delegations, eq(delegations.id, taskCompletions.delegationId))
      .where(eq(taskCompletions.observationId, observationId)),
    // the handout given, if any, named in the same query: its version and both languages' titles
    db
      .select({ ...getTableColumns(educationGiven), handoutId: handoutVersions.handoutId, handoutVersion: handoutVersions.version, handoutContent: handoutVersions.content })
      .from(educationGiven)
      .leftJoin(handoutVersions, and(eq(handoutVersions.id, educationGiven.handoutVersionId), eq(handoutVersions.clinicId, actor.clinicId)))
      .where(eq(educationGiven.observationId, observationId))
      .orderBy(asc(educationGiven.position)),
    db.select().from(amendments).where(eq(amendments.observationId, observationId)).orderBy(asc(amendments.at)),
    db
      .select({ id: observations.id, sessionAt: appointments.startsAt, attitude: observations.attitude, accomplishments: observations.accomplishments, capturedByLabel: observations.capturedByLabel })
      .from(observations)
      .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
      .where(and(eq(observations.patientId, entry.o.patientId), eq(observations.status, "signed"), ne(observations.id, observationId)))
      .orderBy(desc(appointments.startsAt))
      .limit(5),
    verbalReportsFor(entry.o.appointmentId),
  ]);
  await audit(db, actor, { action: "observation.view", entity: "observation", entityId: observationId, patientId: entry.o.patientId });
  return {
    ...entry.o,
    sessionAt: entry.sessionAt,
    attendance: entry.attendance,
    patient: {
      id: entry.patient.id,
      name: displayName(entry.patient),
      precautions: entry.patient.precautions,
      interpreterNeeded: entry.patient.interpreterNeeded,
      preferredLanguage: entry.patient.preferredLanguage,
    },
    goals: goalRows,
    tasks: taskRows,
    education: educationRows.map(({ handoutId, handoutVersion, handoutContent, ...e }) => ({
      ...e,
      handout: handoutId && handoutVersion !== null && handoutContent ? { id: handoutId, version: handoutVersion, content: handoutContent } : null,
    })),
    amendments: amendmentRows,
    history,
    verbalReports: verbal,
  };
}
export type EntryForReview = Awaited<ReturnType<typeof getEntryForReview>>;

/** Amendments of several entries at once (patient page), keyed by entry. Callers pass ids from a
 * query that already applied the actor's scope. */
export async function amendmentsFor(ids: string[]) {
  if (!ids.length) return new Map<string, (typeof amendments.$inferSelect)[]>();
  const rows = await getDb().select().from(amendments).where(inArray(amendments.observationId, ids)).orderBy(asc(amendments.at));
  const map = new Map<string, (typeof amendments.$inferSelect)[]>();
  for (const r of rows) map.set(r.observationId, [...(map.get(r.observationId) ?? []), r]);
  return map;
}
