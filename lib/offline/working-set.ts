import "server-only";
import { and, asc, eq, gte, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { appointments, competencies, delegations, goals, patients, rooms, supervisions, users, verbalReports } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { TASK_TYPES } from "@/lib/care/task-types";
import { displayName } from "@/lib/patients/queries";
import { clinicDate } from "@/lib/time";
import { observationsPart } from "./working-set-observations";
import { roomsPart } from "./working-set-rooms";
import { WORKING_SET_FORMAT, type WorkingSet, type WsAppointment, type WsPatient, type WsTherapist } from "./protocol";
import { appointmentScope, type Window } from "./working-set-scope";

const taskLabel = (t: string) => (TASK_TYPES as Record<string, string>)[t] ?? t;
const personLabel = (u: { name: string; title: string | null }) => (u.title ? `${u.name}, ${u.title}` : u.name);

/**
 * The aide's working set (lib/offline/protocol.ts): a fixed number of queries whatever the day holds,
 * each scoped like the page that shows the same rows (Today, the session form, rooms, supplies).
 * Patients carry the minimum necessary only (DESIGN rule 8): no MRN, no date of birth.
 */
export async function buildWorkingSet(actor: Actor, w: Window, etag: string, now = new Date()): Promise<WorkingSet> {
  assertCan(actor, "offline:sync");
  const db = getDb();
  const tz = actor.clinic.timeZone;
  const therapist = alias(users, "therapist");
  const rows = await db
    .select({ a: appointments, p: patients, roomName: rooms.name, therapistName: therapist.name, therapistTitle: therapist.title })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(therapist, eq(therapist.id, appointments.therapistId))
    .where(appointmentScope(actor, w))
    .orderBy(asc(appointments.startsAt), asc(appointments.id));

  const inWindow = (r: (typeof rows)[number]) => r.a.startsAt >= w.todayStart && r.a.startsAt < w.windowEnd;
  const later = rows.filter((r) => inWindow(r) && r.a.startsAt >= w.todayEnd && r.a.status !== "cancelled");
  const next = later.length ? clinicDate(later[0]!.a.startsAt, tz) : null;
  const kept = rows.filter((r) => {
    const day = clinicDate(r.a.startsAt, tz);
    return !inWindow(r) || day === w.today || day === next;
  });

  const appts: WsAppointment[] = kept.map(({ a, roomName, therapistName, therapistTitle }) => {
    const day = clinicDate(a.startsAt, tz);
    return {
      id: a.id,
      day,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      status: a.status,
      attendance: a.attendance,
      arrivedAt: a.arrivedAt?.toISOString() ?? null,
      attendanceRecordedAt: a.attendanceRecordedAt?.toISOString() ?? null,
      attendanceRecordedByMe: a.attendanceRecordedBy === actor.id,
      version: a.version,
      patientId: a.patientId,
      roomId: a.roomId,
      roomName,
      therapistId: a.therapistId,
      therapistLabel: personLabel({ name: therapistName, title: therapistTitle }),
      returnedOnly: day !== w.today && day !== next,
    };
  });
  const patientMap = new Map<string, WsPatient>();
  for (const { p } of kept) {
    patientMap.set(p.id, { id: p.id, displayName: displayName(p), precautions: p.precautions, preferredLanguage: p.preferredLanguage, interpreterNeeded: p.interpreterNeeded });
  }
  const patientIds = [...patientMap.keys()];
  const appointmentIds = appts.map((a) => a.id);

  const [delegated, current, supervisors, verbal, obsPart, roomPart] = await Promise.all([
    patientIds.length
      ? db
          .select({ d: delegations, competencyId: competencies.id, g: goals })
          .from(delegations)
          .leftJoin(
            competencies,
            and(
              eq(competencies.assistantId, delegations.assistantId),
              eq(competencies.taskType, delegations.taskType),
              isNull(competencies.revokedAt),
              or(isNull(competencies.expiresOn), gte(competencies.expiresOn, w.today)),
            ),
          )
          .leftJoin(goals, eq(goals.id, delegations.goalId))
          .where(and(eq(delegations.clinicId, actor.clinicId), eq(delegations.assistantId, actor.id), eq(delegations.status, "active"), inArray(delegations.patientId, patientIds)))
          .orderBy(asc(delegations.createdAt), asc(delegations.id))
      : Promise.resolve([]),
    db
      .select()
      .from(competencies)
      .where(and(eq(competencies.assistantId, actor.id), eq(competencies.clinicId, actor.clinicId), isNull(competencies.revokedAt), or(isNull(competencies.expiresOn), gte(competencies.expiresOn, w.today))))
      .orderBy(asc(competencies.taskType)),
    db
      .select({ id: users.id, name: users.name, title: users.title })
      .from(supervisions)
      .innerJoin(users, eq(users.id, supervisions.therapistId))
      .where(and(eq(supervisions.assistantId, actor.id), eq(supervisions.clinicId, actor.clinicId), eq(users.active, true))),
    appointmentIds.length
      ? db.select().from(verbalReports).where(and(eq(verbalReports.reportedBy, actor.id), inArray(verbalReports.appointmentId, appointmentIds))).orderBy(asc(verbalReports.reportedAt))
      : Promise.resolve([]),
    observationsPart(actor, appointmentIds),
    roomsPart(actor, w, now),
  ]);

  const therapists = new Map<string, WsTherapist>();
  for (const s of supervisors) therapists.set(s.id, { id: s.id, label: personLabel(s) });
  for (const a of appts) if (!therapists.has(a.therapistId)) therapists.set(a.therapistId, { id: a.therapistId, label: a.therapistLabel });

  const goalMap = new Map<string, WorkingSet["goals"][number]>();
  for (const { g, competencyId } of delegated) {
    if (g && competencyId) goalMap.set(g.id, { id: g.id, patientId: g.patientId, description: g.description, unit: g.unit, baseline: g.baseline, target: g.target });
  }

  return {
    format: WORKING_SET_FORMAT,
    etag,
    generatedAt: now.toISOString(),
    user: { id: actor.id, name: actor.name, title: actor.title, role: "assistant", clinicId: actor.clinicId, locale: actor.locale },
    clinic: { id: actor.clinicId, name: actor.clinic.name, timeZone: tz, idleTimeoutMinutes: actor.clinic.idleTimeoutMinutes },
    days: { today: w.today, next },
    appointments: appts,
    patients: [...patientMap.values()],
    delegations: delegated.map(({ d, competencyId }) => ({
      id: d.id,
      patientId: d.patientId,
      therapistId: d.therapistId,
      taskType: d.taskType,
      taskLabel: taskLabel(d.taskType),
      instructions: d.instructions,
      frequency: d.frequency,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      goalId: d.goalId,
      competent: competencyId !== null,
    })),
    goals: [...goalMap.values()],
    competencies: current.map((k) => ({ taskType: k.taskType, taskLabel: taskLabel(k.taskType), verifiedOn: clinicDate(k.verifiedAt, tz), expiresOn: k.expiresOn })),
    observations: obsPart,
    ...roomPart,
    therapists: [...therapists.values()],
    verbalReports: verbal.map((v) => ({ id: v.id, appointmentId: v.appointmentId, patientId: v.patientId, therapistId: v.therapistId, reportedAt: v.reportedAt.toISOString(), summary: v.summary })),
  };
}
