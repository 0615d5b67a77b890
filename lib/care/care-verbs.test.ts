import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo } from "@/db/seed";
import { auditEvents, competencies, delegations, goals } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { clinicToday } from "@/lib/time";
import { createGoal } from "./create-goal";
import { delegateTask } from "./delegate-task";
import { endDelegation } from "./end-delegation";
import { endGoal } from "./end-goal";
import { recordCompetency } from "./record-competency";

beforeAll(seedDemoOnce);

const p01 = demo.patient("sunrise", "p01");
const ana = demo.user("sunrise", "ana");
const sam = demo.user("sunrise", "sam");
const today = () => clinicToday("America/Los_Angeles");
const audited = async (action: string, entityId: string) =>
  (await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))).orderBy(desc(auditEvents.id)))[0];

describe("goals", () => {
  it("a therapist creates and ends a goal, audited", async () => {
    const peter = await actorFor(DEMO.peter);
    const { id } = await createGoal(peter, { patientId: p01, description: "Climb 4 stairs", unit: "steps", baseline: "1", target: "4", targetDate: "" });
    expect((await getDb().select().from(goals).where(eq(goals.id, id)))[0]).toMatchObject({ baseline: 1, target: 4, targetDate: null, therapistId: peter.id });
    expect(await audited("goal.create", id)).toMatchObject({ patientId: p01 });
    await expect(endGoal(peter, { goalId: id, outcome: "met", version: 9 })).rejects.toMatchObject({ code: "CONFLICT" });
    await endGoal(peter, { goalId: id, outcome: "met", version: 1 });
    await expect(endGoal(peter, { goalId: id, outcome: "met", version: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await audited("goal.end", id)).toBeTruthy();
  });

  it("rejects wrong role, bad input and another clinic's patient", async () => {
    await expect(createGoal(await actorFor(DEMO.ana), { patientId: p01, description: "x x x", unit: "ft" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createGoal(await actorFor(DEMO.peter), { patientId: p01, description: "", unit: "" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(createGoal(await actorFor(DEMO.theo), { patientId: p01, description: "Walk more", unit: "ft" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("delegateTask", () => {
  const input = (over: Record<string, unknown> = {}) => ({
    patientId: p01,
    assistantId: ana,
    taskType: "gait_training",
    instructions: "Hallway walking with the walker.",
    frequency: "Each session",
    startsOn: today(),
    ...over,
  });

  it("delegates to a supervised assistant with a current competency, audited", async () => {
    const peter = await actorFor(DEMO.peter);
    const { id } = await delegateTask(peter, input({ goalId: "" }));
    expect((await getDb().select().from(delegations).where(eq(delegations.id, id)))[0]).toMatchObject({ assistantId: ana, status: "active" });
    expect(await audited("delegation.create", id)).toMatchObject({ detail: { assistantId: ana, taskType: "gait_training" } });
    await endDelegation(peter, { delegationId: id, version: 1 });
    expect(await audited("delegation.end", id)).toBeTruthy();
  });

  it("refuses an assistant without a current competency, with a clear message", async () => {
    const peter = await actorFor(DEMO.peter);
    await expect(delegateTask(peter, input({ taskType: "balance_activities" }))).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Ana Alvarez has no current competency for Balance activities. Record their competency first, then delegate.",
    });
  });

  it("refuses an expired competency", async () => {
    const olivia = await actorFor(DEMO.olivia);
    await recordCompetency(olivia, { assistantId: ana, taskType: "speech_drills", verifiedOn: "2025-01-10", expiresOn: "2025-06-01" });
    await expect(delegateTask(olivia, input({ patientId: demo.patient("sunrise", "p03"), taskType: "speech_drills" }))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rejects wrong role, a therapist who does not supervise the assistant, and another clinic", async () => {
    await expect(delegateTask(await actorFor(DEMO.admin), input())).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Olivia does not supervise Sam
    await expect(delegateTask(await actorFor(DEMO.olivia), input({ assistantId: sam }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(delegateTask(await actorFor(DEMO.theo), input({ assistantId: demo.user("harbor", "hugo") }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(delegateTask(await actorFor(DEMO.peter), input({ endsOn: "2000-01-01" }))).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("recordCompetency", () => {
  it("records a competency (replacing the current one, kept as history), audited", async () => {
    const peter = await actorFor(DEMO.peter);
    const { id } = await recordCompetency(peter, { assistantId: sam, taskType: "transfer_training", verifiedOn: today(), expiresOn: "" });
    const { id: again } = await recordCompetency(peter, { assistantId: sam, taskType: "transfer_training", verifiedOn: today(), note: "Re-checked" });
    const rows = await getDb().select().from(competencies).where(and(eq(competencies.assistantId, sam), eq(competencies.taskType, "transfer_training")));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === id)!.revokedAt).not.toBeNull();
    expect(rows.find((r) => r.id === again)).toMatchObject({ revokedAt: null, verifiedBy: peter.id, note: "Re-checked" });
    expect(await audited("competency.record", again)).toMatchObject({ detail: { replaced: [id] } });
    // now delegable
    await delegateTask(peter, { patientId: demo.patient("sunrise", "p04"), assistantId: sam, taskType: "transfer_training", instructions: "Bed to chair.", frequency: "Weekly", startsOn: today() });
  });

  it("rejects wrong role, future dates, a non-supervising therapist and another clinic", async () => {
    await expect(recordCompetency(await actorFor(DEMO.ana), { assistantId: ana, taskType: "fine_motor", verifiedOn: today() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordCompetency(await actorFor(DEMO.peter), { assistantId: sam, taskType: "fine_motor", verifiedOn: "2999-01-01" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(recordCompetency(await actorFor(DEMO.peter), { assistantId: sam, taskType: "nope", verifiedOn: today() })).rejects.toMatchObject({ name: "ZodError" });
    await expect(recordCompetency(await actorFor(DEMO.olivia), { assistantId: sam, taskType: "fine_motor", verifiedOn: today() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(recordCompetency(await actorFor(DEMO.theo), { assistantId: ana, taskType: "fine_motor", verifiedOn: today() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
