import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { appointments, auditEvents, competencies, delegations, educationGiven, goalObservations, observations, taskCompletions } from "@/db/schema";
import { recordAttendance } from "@/lib/schedule/record-attendance";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicToday } from "@/lib/time";
import { getSessionForObservation } from "./queries";
import { saveObservationDraft } from "./save-observation-draft";
import { submitObservation } from "./submit-observation";

beforeAll(seedDemoOnce);

const today = () => clinicToday("America/Los_Angeles");
const appt = (patient: string, time: string) => demoId(`sunrise:appt:${patient}:${today()}:${time}`);
const delegation = (patient: string, who: string, task: string) => demoId(`sunrise:delegation:${patient}:${who}:${task}`);
const goal = (patient: string, i = 0) => demoId(`sunrise:goal:${patient}:${i}`);

const P01 = { appointment: () => appt("p01", "08:00"), gait: delegation("p01", "ana", "gait_training"), exercise: delegation("p01", "ana", "therapeutic_exercise") };

function entry(appointmentId: string, over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    appointmentId,
    version: 0,
    tasks: [
      { delegationId: P01.gait, done: true, note: "Two laps of the hallway" },
      { delegationId: P01.exercise, done: false, note: "Hip pain today" },
    ],
    goals: [
      { goalId: goal("p01", 0), value: "85", assistLevel: "supervision" },
      { goalId: goal("p01", 1), value: "", assistLevel: "" },
    ],
    attitude: 4,
    attitudeTags: ["engaged", "fatigued"],
    accomplishments: "Walked further than last week",
    comfortAndNeeds: "Rest breaks, water",
    note: "",
    education: [{ topic: "Walker safety at home", audience: "family", method: "demonstration", understanding: "partial", language: "English" }],
    ...over,
  };
}

async function markPresent(appointmentId: string) {
  const [a] = await getDb().select().from(appointments).where(eq(appointments.id, appointmentId));
  await recordAttendance(await actorFor(DEMO.ana), { appointmentId, attendance: "present", version: a!.version });
}

describe("saveObservationDraft", () => {
  it("creates the entry with the tablet's id, captured-by label and supervising therapist; updates bump the version; audited", async () => {
    const ana = await actorFor(DEMO.ana);
    const input = entry(P01.appointment());
    const first = await saveObservationDraft(ana, input);
    expect(first).toMatchObject({ id: input.id, version: 1, status: "draft", supervisingTherapist: "Peter Park, DPT" });
    const [o] = await getDb().select().from(observations).where(eq(observations.id, input.id));
    expect(o).toMatchObject({
      capturedBy: ana.id,
      capturedByLabel: "Ana Alvarez, Rehabilitation Aide, assistant",
      supervisingTherapistId: demo.user("sunrise", "peter"),
      patientId: demo.patient("sunrise", "p01"),
      attitude: 4,
      attitudeTags: ["engaged", "fatigued"],
    });
    expect(await getDb().select().from(taskCompletions).where(eq(taskCompletions.observationId, input.id))).toHaveLength(2);
    const goals = await getDb().select().from(goalObservations).where(eq(goalObservations.observationId, input.id));
    expect(goals.find((g) => g.goalId === goal("p01", 0))).toMatchObject({ value: 85, assistLevel: "supervision" });
    expect(await getDb().select().from(educationGiven).where(eq(educationGiven.observationId, input.id))).toHaveLength(1);

    const second = await saveObservationDraft(ana, { ...input, version: 1, attitude: 5, education: [] });
    expect(second.version).toBe(2);
    expect(await getDb().select().from(educationGiven).where(eq(educationGiven.observationId, input.id))).toHaveLength(0);
    const events = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "observation.draft_save"), eq(auditEvents.entityId, input.id)));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: ana.id, patientId: demo.patient("sunrise", "p01") });

    // the form reads it back
    const session = await getSessionForObservation(ana, P01.appointment());
    expect(session.observation).toMatchObject({ id: input.id, version: 2, status: "draft" });
    expect(session.values.attitude).toBe(5);
    expect(session.values.goals[0]).toMatchObject({ value: "85", assistLevel: "supervision" });
  });

  it("a stale version is a conflict that says what happened; a second entry for the same appointment is refused", async () => {
    const ana = await actorFor(DEMO.ana);
    const session = await getSessionForObservation(ana, P01.appointment());
    const id = session.observation!.id;
    await expect(saveObservationDraft(ana, entry(P01.appointment(), { id, version: 1 }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: /saved from another tab or tablet/,
    });
    await expect(saveObservationDraft(ana, entry(P01.appointment()))).rejects.toMatchObject({ code: "CONFLICT", message: /already started/ });
  });

  it("rejects wrong role, another assistant, another caseload and another clinic", async () => {
    const input = entry(P01.appointment());
    for (const email of [DEMO.peter, DEMO.admin]) {
      await expect(saveObservationDraft(await actorFor(email), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Sam has Deshawn (p02) on his caseload, but the appointment is Ana's
    const p02 = entry(appt("p02", "10:00"), { tasks: [], goals: [] });
    await expect(saveObservationDraft(await actorFor(DEMO.sam), p02)).rejects.toMatchObject({ code: "FORBIDDEN", message: /assigned/ });
    // Maggie (p01) is not on Sam's caseload; Harbor's assistant cannot see Sunrise at all
    await expect(saveObservationDraft(await actorFor(DEMO.sam), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(saveObservationDraft(await actorFor(DEMO.hugo), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSessionForObservation(await actorFor(DEMO.hugo), P01.appointment())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getSessionForObservation(await actorFor(DEMO.sam), appt("p02", "10:00"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a task not delegated to this assistant, an ended delegation, and a goal not linked to a delegation", async () => {
    const ana = await actorFor(DEMO.ana);
    const p02 = appt("p02", "10:00");
    const sams = delegation("p02", "sam", "balance_activities");
    await expect(saveObservationDraft(ana, entry(p02, { tasks: [{ delegationId: sams, done: true, note: "" }], goals: [] }))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: /not delegated to you/,
    });
    await expect(saveObservationDraft(ana, entry(p02, { tasks: [], goals: [{ goalId: goal("p01", 0), value: "1", assistLevel: "minimal" }] }))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: /goal/,
    });
    const anas = delegation("p02", "ana", "therapeutic_exercise");
    await getDb().update(delegations).set({ status: "ended", endsOn: addDays(today(), -1) }).where(eq(delegations.id, anas));
    await expect(saveObservationDraft(ana, entry(p02, { tasks: [{ delegationId: anas, done: true, note: "" }], goals: [] }))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: /"Therapeutic exercise" is not an active delegation/,
    });
    expect(await getDb().select().from(observations).where(eq(observations.appointmentId, p02))).toHaveLength(0);
  });

  it("refuses a task whose type the assistant has no current competency for, naming the task", async () => {
    const ana = await actorFor(DEMO.ana);
    const p03 = appt("p03", "09:00");
    await getDb()
      .update(competencies)
      .set({ expiresOn: addDays(today(), -1) })
      .where(and(eq(competencies.assistantId, ana.id), eq(competencies.taskType, "fine_motor")));
    const fine = delegation("p03", "ana", "fine_motor");
    await expect(saveObservationDraft(ana, entry(p03, { tasks: [{ delegationId: fine, done: true, note: "" }], goals: [] }))).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: /no current competency recorded for "Fine motor activities"/,
    });
    // nor its goal, and the form does not offer the task for logging
    await expect(saveObservationDraft(ana, entry(p03, { tasks: [], goals: [{ goalId: goal("p03"), value: "2", assistLevel: "minimal" }] }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const session = await getSessionForObservation(ana, p03);
    expect(session.tasks).toEqual([expect.objectContaining({ delegationId: fine, competent: false })]);
    expect(session.values.tasks).toEqual([]);
  });

  it("refuses an entry for a no-show or cancelled appointment", async () => {
    const ana = await actorFor(DEMO.ana);
    const p06 = appt("p06", "11:00");
    const [a] = await getDb().select().from(appointments).where(eq(appointments.id, p06));
    await recordAttendance(ana, { appointmentId: p06, attendance: "no_show", version: a!.version });
    const input = entry(p06, { tasks: [], goals: [] });
    await expect(saveObservationDraft(ana, input)).rejects.toMatchObject({ code: "CONFLICT", message: "This appointment was marked no-show, so no observation can be recorded." });
    await expect(submitObservation(ana, input)).rejects.toMatchObject({ code: "CONFLICT", message: /no-show/ });
    const p10 = appt("p10", "13:00");
    const [b] = await getDb().select().from(appointments).where(eq(appointments.id, p10));
    await recordAttendance(ana, { appointmentId: p10, attendance: "cancelled", version: b!.version });
    await expect(saveObservationDraft(ana, entry(p10, { tasks: [], goals: [] }))).rejects.toMatchObject({ code: "CONFLICT", message: /cancelled/ });
  });
});

describe("submitObservation", () => {
  const P09 = () => appt("p09", "14:00");
  const p09Entry = (over: Record<string, unknown> = {}) =>
    entry(P09(), { tasks: [{ delegationId: delegation("p09", "ana", "gait_training"), done: true, note: "" }], goals: [{ goalId: goal("p09"), value: "8", assistLevel: "minimal" }], ...over });

  it("needs attendance first and a complete entry", async () => {
    const ana = await actorFor(DEMO.ana);
    await expect(submitObservation(ana, p09Entry())).rejects.toMatchObject({ code: "VALIDATION", message: /present or late/ });
    await expect(submitObservation(ana, p09Entry({ attitude: null }))).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      submitObservation(ana, p09Entry({ tasks: [{ delegationId: delegation("p09", "ana", "gait_training"), done: null, note: "" }] })),
    ).rejects.toMatchObject({ name: "ZodError" });
  });

  it("is idempotent: the same id twice makes one entry and answers the same; then it is read-only", async () => {
    const ana = await actorFor(DEMO.ana);
    await markPresent(P09());
    const input = p09Entry();
    const [first, second] = [await submitObservation(ana, input), await submitObservation(ana, input)];
    expect(first).toMatchObject({ id: input.id, status: "submitted", version: 1, supervisingTherapist: "Peter Park, DPT" });
    expect(second).toEqual(first);
    const rows = await getDb().select().from(observations).where(eq(observations.appointmentId, P09()));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "submitted", supervisingTherapistId: demo.user("sunrise", "peter") });
    expect(rows[0]!.submittedAt).not.toBeNull();
    const events = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "observation.submit"), eq(auditEvents.entityId, input.id)));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: ana.id, patientId: demo.patient("sunrise", "p09") });
    await expect(saveObservationDraft(ana, { ...input, version: 1, attitude: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "This entry was submitted to Peter Park, DPT and is read-only until they return it.",
    });
    // and the session it documents can no longer be turned into a no-show
    const [a] = await getDb().select().from(appointments).where(eq(appointments.id, P09()));
    await expect(recordAttendance(ana, { appointmentId: P09(), attendance: "no_show", version: a!.version })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a double tap (two submits at once with one id) still makes one entry", async () => {
    const ana = await actorFor(DEMO.ana);
    const p02 = appt("p02", "10:00");
    await markPresent(p02);
    const input = entry(p02, { tasks: [], goals: [] });
    const [a, b] = await Promise.all([submitObservation(ana, input), submitObservation(ana, input)]);
    expect(a).toEqual(b);
    expect(await getDb().select().from(observations).where(eq(observations.appointmentId, p02))).toHaveLength(1);
  });

  it("submits a saved draft (version-checked) and a returned entry can be edited and resubmitted", async () => {
    const ana = await actorFor(DEMO.ana);
    const p05 = appt("p05", "15:00");
    await markPresent(p05);
    const adl = delegation("p05", "ana", "adl_practice");
    const input = entry(p05, { tasks: [{ delegationId: adl, done: true, note: "" }], goals: [] });
    await saveObservationDraft(ana, input);
    await expect(submitObservation(ana, { ...input, version: 0 })).rejects.toMatchObject({ code: "CONFLICT" });
    const sub = await submitObservation(ana, { ...input, version: 1 });
    expect(sub).toMatchObject({ status: "submitted", version: 2 });
    // the therapist returns it (their verb is built elsewhere; simulate the row change)
    await getDb().update(observations).set({ status: "returned", returnComment: "Add the snack steps", version: 3 }).where(eq(observations.id, input.id));
    const draft = await saveObservationDraft(ana, { ...input, version: 3, accomplishments: "Made a sandwich in 5 steps" });
    expect(draft).toMatchObject({ status: "returned", version: 4 });
    expect(await submitObservation(ana, { ...input, version: 4 })).toMatchObject({ status: "submitted", version: 5 });
  });

  it("rejects wrong role and another clinic", async () => {
    const input = p09Entry();
    await expect(submitObservation(await actorFor(DEMO.olivia), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submitObservation(await actorFor(DEMO.hugo), input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
