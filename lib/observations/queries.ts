import "server-only";
import { and, asc, eq, exists, gte, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { appointments, caseloads, competencies, delegations, educationGiven, goalObservations, goals, observations, patients, rooms, taskCompletions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { TASK_TYPES } from "@/lib/care/task-types";
import { notFound } from "@/lib/errors";
import { displayName } from "@/lib/patients/queries";
import { clinicDate, clinicToday } from "@/lib/time";
import type { ObservationFormValues } from "./schemas";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SessionTask = {
  delegationId: string;
  label: string;
  instructions: string;
  frequency: string;
  /** false: the assistant has no current competency for this task type, so it cannot be logged */
  competent: boolean;
};
export type SessionGoal = { goalId: string; description: string; unit: string; baseline: number | null; target: number | null };

/**
 * Everything the observation form for one appointment needs, for the assistant assigned to it.
 * Another clinic's appointment, another caseload's patient or another assistant's appointment is not
 * found. Opening it is audited (clinical content).
 */
export async function getSessionForObservation(actor: Actor, appointmentId: string) {
  assertCan(actor, "observation:write");
  if (!UUID.test(appointmentId)) throw notFound("Appointment");
  const db = getDb();
  const therapist = alias(users, "therapist");
  const [a] = await db
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      attendance: appointments.attendance,
      arrivedAt: appointments.arrivedAt,
      version: appointments.version,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      preferredLanguage: patients.preferredLanguage,
      interpreterNeeded: patients.interpreterNeeded,
      precautions: patients.precautions,
      therapistId: therapist.id,
      therapistName: therapist.name,
      therapistTitle: therapist.title,
      roomName: rooms.name,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(therapist, eq(therapist.id, appointments.therapistId))
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .where(
      and(
        eq(appointments.id, appointmentId),
        eq(appointments.clinicId, actor.clinicId),
        eq(appointments.assistantId, actor.id),
        exists(
          db
            .select({ one: sql`1` })
            .from(caseloads)
            .where(and(eq(caseloads.patientId, appointments.patientId), eq(caseloads.assistantId, actor.id))),
        ),
      ),
    )
    .limit(1);
  if (!a) throw notFound("Appointment");

  const tz = actor.clinic.timeZone;
  const day = clinicDate(a.startsAt, tz);
  const today = clinicToday(tz);
  const [delegated, [obs]] = await Promise.all([
    db
      .select({
        delegationId: delegations.id,
        taskType: delegations.taskType,
        instructions: delegations.instructions,
        frequency: delegations.frequency,
        competencyId: competencies.id,
        goalId: goals.id,
        goalDescription: goals.description,
        goalUnit: goals.unit,
        goalBaseline: goals.baseline,
        goalTarget: goals.target,
      })
      .from(delegations)
      .leftJoin(
        competencies,
        and(
          eq(competencies.assistantId, delegations.assistantId),
          eq(competencies.taskType, delegations.taskType),
          isNull(competencies.revokedAt),
          or(isNull(competencies.expiresOn), gte(competencies.expiresOn, today)),
        ),
      )
      .leftJoin(goals, eq(goals.id, delegations.goalId))
      .where(
        and(
          eq(delegations.clinicId, actor.clinicId),
          eq(delegations.patientId, a.patientId),
          eq(delegations.assistantId, actor.id),
          eq(delegations.status, "active"),
          sql`${delegations.startsOn} <= ${day}`,
          or(isNull(delegations.endsOn), sql`${delegations.endsOn} >= ${day}`),
        ),
      )
      .orderBy(asc(delegations.createdAt), asc(delegations.id)),
    db.select().from(observations).where(eq(observations.appointmentId, a.id)).limit(1),
  ]);

  const tasks: SessionTask[] = delegated.map((d) => ({
    delegationId: d.delegationId,
    label: (TASK_TYPES as Record<string, string>)[d.taskType] ?? d.taskType,
    instructions: d.instructions,
    frequency: d.frequency,
    competent: d.competencyId !== null,
  }));
  const goalList: SessionGoal[] = [];
  for (const d of delegated) {
    if (d.goalId && d.competencyId && !goalList.some((g) => g.goalId === d.goalId)) {
      goalList.push({ goalId: d.goalId, description: d.goalDescription ?? "", unit: d.goalUnit ?? "", baseline: d.goalBaseline, target: d.goalTarget });
    }
  }

  let saved: { tasks: Map<string, { done: boolean; note: string }>; goals: Map<string, { value: number | null; assistLevel: string | null }>; education: ObservationFormValues["education"] } | null = null;
  if (obs) {
    const [tc, go, ed] = await Promise.all([
      db.select().from(taskCompletions).where(eq(taskCompletions.observationId, obs.id)),
      db.select().from(goalObservations).where(eq(goalObservations.observationId, obs.id)),
      db.select().from(educationGiven).where(eq(educationGiven.observationId, obs.id)).orderBy(asc(educationGiven.position)),
    ]);
    saved = {
      tasks: new Map(tc.map((t) => [t.delegationId, { done: t.done, note: t.note }])),
      goals: new Map(go.map((g) => [g.goalId, { value: g.value, assistLevel: g.assistLevel }])),
      education: ed.map((e) => ({ topic: e.topic, audience: e.audience, method: e.method, understanding: e.understanding, language: e.language, handoutVersionId: e.handoutVersionId })),
    };
  }

  const values: ObservationFormValues = {
    tasks: tasks.filter((t) => t.competent).map((t) => ({ delegationId: t.delegationId, done: saved?.tasks.get(t.delegationId)?.done ?? null, note: saved?.tasks.get(t.delegationId)?.note ?? "" })),
    goals: goalList.map((g) => {
      const s = saved?.goals.get(g.goalId);
      return { goalId: g.goalId, value: s?.value == null ? "" : String(s.value), assistLevel: (s?.assistLevel ?? "") as ObservationFormValues["goals"][number]["assistLevel"] };
    }),
    attitude: obs?.attitude ?? null,
    attitudeTags: (obs?.attitudeTags ?? []) as ObservationFormValues["attitudeTags"],
    accomplishments: obs?.accomplishments ?? "",
    comfortAndNeeds: obs?.comfortAndNeeds ?? "",
    note: obs?.note ?? "",
    education: saved?.education ?? [],
  };

  await audit(db, actor, { action: "observation.view", entity: "appointment", entityId: a.id, patientId: a.patientId, detail: { observationId: obs?.id ?? null } });

  return {
    appointment: { id: a.id, startsAt: a.startsAt, endsAt: a.endsAt, status: a.status, attendance: a.attendance, arrivedAt: a.arrivedAt, version: a.version, roomName: a.roomName },
    patient: {
      id: a.patientId,
      displayName: displayName(a),
      preferredLanguage: a.preferredLanguage,
      interpreterNeeded: a.interpreterNeeded,
      precautions: a.precautions,
    },
    therapist: { id: a.therapistId, name: a.therapistName, label: a.therapistTitle ? `${a.therapistName}, ${a.therapistTitle}` : a.therapistName },
    tasks,
    goals: goalList,
    observation: obs
      ? {
          id: obs.id,
          status: obs.status,
          version: obs.version,
          submittedAt: obs.submittedAt,
          signedAt: obs.signedAt,
          signedByLabel: obs.signedByLabel,
          returnComment: obs.returnComment,
          capturedByLabel: obs.capturedByLabel,
          updatedAt: obs.updatedAt,
        }
      : null,
    values,
  };
}

export type SessionForObservation = Awaited<ReturnType<typeof getSessionForObservation>>;
