import "server-only";
import { and, eq, exists, gte, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointments, caseloads, competencies, delegations, educationGiven, goalObservations, observations, taskCompletions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { checkHandouts } from "@/lib/handouts/check-handouts";
import { AppError, conflict, notFound } from "@/lib/errors";
import { actorLocale } from "@/lib/i18n/actor-locale";
import { translatorFor } from "@/lib/i18n/translate";
import { clinicDate, clinicToday, formatClinicTime } from "@/lib/time";
import type { ObservationContent, ObservationEnvelope, ObservationSaveResult } from "./schemas";

const personLabel = (u: { name: string; title: string | null }) => (u.title ? `${u.name}, ${u.title}` : u.name);

/** "captured by NAME, title, role" as it stands now (DESIGN rule 3). */
export function capturedByLabel(actor: Actor): string {
  return [actor.name, actor.title, "assistant"].filter(Boolean).join(", ");
}

/**
 * The one write path for an assistant's entry, used by saveObservationDraft and submitObservation
 * inside their transaction. It enforces the guardrails (DESIGN rules 1–3, 8): the assigned assistant
 * only, attended appointments only, active delegations with a current competency only, goals linked
 * to those delegations only, submitted and signed entries read-only, and a version check.
 */
export async function writeObservation(tx: Tx, actor: Actor, data: ObservationContent & ObservationEnvelope, mode: "draft" | "submit"): Promise<ObservationSaveResult> {
  assertCan(actor, mode === "submit" ? "observation:submit" : "observation:write");
  const tz = actor.clinic.timeZone;
  const onCaseload = exists(
    tx
      .select({ one: sql`1` })
      .from(caseloads)
      .where(and(eq(caseloads.patientId, appointments.patientId), eq(caseloads.assistantId, actor.id))),
  );
  // Locking the appointment serializes every save and submit for it, so a double tap makes one row.
  const [a] = await tx
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      therapistId: appointments.therapistId,
      assistantId: appointments.assistantId,
      startsAt: appointments.startsAt,
      status: appointments.status,
      attendance: appointments.attendance,
    })
    .from(appointments)
    .where(and(eq(appointments.id, data.appointmentId), eq(appointments.clinicId, actor.clinicId), onCaseload))
    .for("update");
  if (!a) throw notFound("Appointment");
  if (a.assistantId !== actor.id) throw new AppError("FORBIDDEN", { key: "errors.observations.notYourAppointment" });
  const [therapist] = await tx.select({ name: users.name, title: users.title }).from(users).where(eq(users.id, a.therapistId));
  const therapistLabel = personLabel(therapist!);

  const [existing] = await tx
    .select()
    .from(observations)
    .where(or(eq(observations.appointmentId, a.id), eq(observations.id, data.id)));
  const resultOf = (o: typeof observations.$inferSelect): ObservationSaveResult => ({
    id: o.id,
    version: o.version,
    status: o.status,
    savedAt: o.updatedAt.toISOString(),
    submittedAt: o.submittedAt?.toISOString() ?? null,
    supervisingTherapist: therapistLabel,
  });

  if (existing) {
    if (existing.id !== data.id || existing.appointmentId !== a.id || existing.capturedBy !== actor.id) {
      throw conflict({ key: "errors.observations.otherTablet" });
    }
    // A retried or double-tapped submit: the entry is already in, answer as the first call did.
    if (mode === "submit" && (existing.status === "submitted" || existing.status === "signed")) return resultOf(existing);
    if (existing.status === "submitted") throw conflict({ key: "errors.observations.submittedReadOnly", values: { therapist: therapistLabel } });
    if (existing.status === "signed") throw conflict({ key: "errors.observations.signedBy", values: { name: existing.signedByLabel ?? therapistLabel } });
  }
  if (a.status === "cancelled" || a.attendance === "cancelled") throw conflict({ key: "errors.observations.appointmentCancelled" });
  if (a.attendance === "no_show") throw conflict({ key: "errors.observations.noShow" });
  if (mode === "submit" && a.attendance === null) throw new AppError("VALIDATION", { key: "errors.observations.attendanceFirst" });
  if ((existing?.version ?? 0) !== data.version) {
    throw conflict(
      existing
        ? { key: "errors.observations.savedElsewhere", values: { time: formatClinicTime(existing.updatedAt, tz, await actorLocale(actor)) } }
        : { key: "errors.observations.gone" },
    );
  }

  await checkDelegatedWork(tx, actor, a.patientId, clinicDate(a.startsAt, tz), data);
  await checkHandouts(tx, actor, a.patientId, data.education);

  const now = new Date();
  const fields = {
    attitude: data.attitude,
    attitudeTags: data.attitudeTags,
    accomplishments: data.accomplishments,
    comfortAndNeeds: data.comfortAndNeeds,
    note: data.note,
    updatedAt: now,
    ...(mode === "submit" ? { status: "submitted" as const, submittedAt: now } : {}),
  };
  let row: typeof observations.$inferSelect | undefined;
  if (!existing) {
    [row] = await tx
      .insert(observations)
      .values({
        id: data.id,
        clinicId: actor.clinicId,
        appointmentId: a.id,
        patientId: a.patientId,
        capturedBy: actor.id,
        capturedByLabel: capturedByLabel(actor),
        supervisingTherapistId: a.therapistId,
        status: "draft",
        ...fields,
      })
      .onConflictDoNothing()
      .returning();
  } else {
    [row] = await tx
      .update(observations)
      .set({ ...fields, version: sql`${observations.version} + 1` })
      .where(and(eq(observations.id, existing.id), eq(observations.version, data.version)))
      .returning();
    await tx.delete(taskCompletions).where(eq(taskCompletions.observationId, existing.id));
    await tx.delete(goalObservations).where(eq(goalObservations.observationId, existing.id));
    await tx.delete(educationGiven).where(eq(educationGiven.observationId, existing.id));
  }
  if (!row) throw conflict({ key: "errors.observations.changedWhileSaving" });
  if (data.tasks.length) await tx.insert(taskCompletions).values(data.tasks.map((t) => ({ observationId: row.id, delegationId: t.delegationId, done: t.done ?? false, note: t.note })));
  if (data.goals.length) await tx.insert(goalObservations).values(data.goals.map((g) => ({ observationId: row.id, goalId: g.goalId, value: g.value, assistLevel: g.assistLevel })));
  if (data.education.length) await tx.insert(educationGiven).values(data.education.map((e, i) => ({ observationId: row.id, position: i, ...e })));
  await audit(tx, actor, {
    action: mode === "submit" ? "observation.submit" : "observation.draft_save",
    entity: "observation",
    entityId: row.id,
    patientId: a.patientId,
    detail: { appointmentId: a.id, version: row.version, status: row.status, tasks: data.tasks.length, goals: data.goals.length, education: data.education.length },
  });
  return resultOf(row);
}

/** Rules 1–2: only active delegations to this assistant for this patient, whose task type the
 * assistant has a current competency for; goals only through those delegations. */
async function checkDelegatedWork(tx: Tx, actor: Actor, patientId: string, day: string, data: ObservationContent): Promise<void> {
  const tr = translatorFor(await actorLocale(actor));
  const taskLabel = (task: string) => (tr.has(`taskTypes.${task}`) ? tr(`taskTypes.${task}`) : task);
  const today = clinicToday(actor.clinic.timeZone);
  const rows = await tx
    .select({
      id: delegations.id,
      taskType: delegations.taskType,
      goalId: delegations.goalId,
      status: delegations.status,
      startsOn: delegations.startsOn,
      endsOn: delegations.endsOn,
      competencyId: competencies.id,
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
    .where(and(eq(delegations.clinicId, actor.clinicId), eq(delegations.patientId, patientId), eq(delegations.assistantId, actor.id)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const usable = new Set<string>();
  const seen = new Set<string>();
  for (const t of data.tasks) {
    const d = byId.get(t.delegationId);
    if (!d) throw new AppError("FORBIDDEN", { key: "errors.observations.taskNotDelegated" });
    if (seen.has(d.id)) throw new AppError("VALIDATION", { key: "errors.observations.taskTwice", values: { task: taskLabel(d.taskType) } });
    seen.add(d.id);
    if (d.status !== "active" || d.startsOn > day || (d.endsOn !== null && d.endsOn < day)) {
      throw new AppError("FORBIDDEN", { key: "errors.observations.taskInactive", values: { task: taskLabel(d.taskType) } });
    }
    if (!d.competencyId) {
      throw new AppError("FORBIDDEN", { key: "errors.observations.noCompetency", values: { task: taskLabel(d.taskType) } });
    }
  }
  for (const d of rows) {
    const active = d.status === "active" && d.startsOn <= day && (d.endsOn === null || d.endsOn >= day);
    if (active && d.competencyId && d.goalId) usable.add(d.goalId);
  }
  const goals = new Set<string>();
  for (const g of data.goals) {
    if (!usable.has(g.goalId)) throw new AppError("FORBIDDEN", { key: "errors.observations.goalNotLinked" });
    if (goals.has(g.goalId)) throw new AppError("VALIDATION", { key: "errors.observations.goalTwice" });
    goals.add(g.goalId);
  }
}
