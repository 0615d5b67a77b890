import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { amendments, auditEvents, observations } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { insertSubmittedEntry } from "@/lib/testing/review-entries";
import { amendObservation } from "./amend-observation";
import { returnObservation } from "./return-observation";
import { overdueSignoffs, reviewQueue } from "./review-queries";
import { signObservation } from "./sign-observation";

const PASSWORD = "sunrise-demo-2026";
beforeAll(seedDemoOnce);

const entry = async (id: string) => (await getDb().select().from(observations).where(eq(observations.id, id)))[0]!;
const lastAudit = async (action: string, entityId: string) =>
  (await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))).orderBy(desc(auditEvents.id)))[0];

describe("signObservation", () => {
  it("signs with the therapist's password, records both names and audits", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.ana, DEMO.peter);
    expect((await reviewQueue(peter)).map((q) => q.id)).toContain(e.id);
    const res = await signObservation(peter, { observationId: e.id, version: 1, password: PASSWORD });
    expect(res).toMatchObject({ version: 2, signedByLabel: "Peter Park, DPT" });
    expect(await entry(e.id)).toMatchObject({ status: "signed", signedBy: peter.id, capturedByLabel: "Ana Alvarez, Rehabilitation Aide, assistant" });
    expect(await lastAudit("observation.sign", e.id)).toMatchObject({ actorId: peter.id, patientId: e.patientId });
    expect((await reviewQueue(peter)).map((q) => q.id)).not.toContain(e.id);
  });

  it("requires re-entering the password: a wrong one signs nothing and is audited", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.sam, DEMO.peter);
    await expect(signObservation(peter, { observationId: e.id, version: 1, password: "wrong-password-123" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { password: ["errors.observations.wrongPasswordField"] },
    });
    await expect(signObservation(peter, { observationId: e.id, version: 1, password: "" })).rejects.toMatchObject({ name: "ZodError" });
    expect((await entry(e.id)).status).toBe("submitted");
    expect(await lastAudit("observation.sign_refused", e.id)).toMatchObject({ actorId: peter.id });
  });

  it("refuses a signed entry, a stale version, and any direct change to a signed entry", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.ana, DEMO.peter);
    await expect(signObservation(peter, { observationId: e.id, version: 7, password: PASSWORD })).rejects.toMatchObject({ code: "CONFLICT" });
    await signObservation(peter, { observationId: e.id, version: 1, password: PASSWORD });
    await expect(signObservation(peter, { observationId: e.id, version: 2, password: PASSWORD })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already signed"),
    });
    await expect(returnObservation(peter, { observationId: e.id, version: 2, comment: "Please redo" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(getDb().update(observations).set({ note: "edited" }).where(eq(observations.id, e.id))).rejects.toThrow();
    expect((await entry(e.id)).note).toBe("");
  });

  it("rejects other roles, a therapist who does not supervise the assistant, and another clinic", async () => {
    const e = await insertSubmittedEntry(DEMO.sam, DEMO.peter);
    for (const email of [DEMO.sam, DEMO.admin]) {
      await expect(signObservation(await actorFor(email), { observationId: e.id, version: 1, password: PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Olivia does not supervise Sam; Theo is at Harbor.
    for (const email of [DEMO.olivia, DEMO.theo]) {
      await expect(signObservation(await actorFor(email), { observationId: e.id, version: 1, password: PASSWORD })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await entry(e.id)).status).toBe("submitted");
  });
});

describe("signObservation password guessing", () => {
  it("pauses signing after 5 wrong passwords in 15 minutes, even with the right one", async () => {
    const olivia = await actorFor(DEMO.olivia);
    const e = await insertSubmittedEntry(DEMO.ana, DEMO.olivia);
    for (let i = 0; i < 5; i++) {
      await expect(signObservation(olivia, { observationId: e.id, version: 1, password: `wrong-${i}` })).rejects.toMatchObject({ code: "VALIDATION" });
    }
    await expect(signObservation(olivia, { observationId: e.id, version: 1, password: PASSWORD })).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await entry(e.id)).status).toBe("submitted");
  });
});

describe("returnObservation", () => {
  it("returns with a comment to the assistant and audits", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.ana, DEMO.peter);
    await expect(returnObservation(peter, { observationId: e.id, version: 1, comment: "" })).rejects.toMatchObject({ name: "ZodError" });
    await returnObservation(peter, { observationId: e.id, version: 1, comment: "Add the distance walked." });
    expect(await entry(e.id)).toMatchObject({ status: "returned", returnComment: "Add the distance walked.", returnedBy: peter.id, version: 2 });
    expect(await lastAudit("observation.return", e.id)).toMatchObject({ actorId: peter.id });
    await expect(returnObservation(peter, { observationId: e.id, version: 2, comment: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rejects wrong role, non-supervising therapist and other clinic", async () => {
    const e = await insertSubmittedEntry(DEMO.sam, DEMO.peter);
    await expect(returnObservation(await actorFor(DEMO.sam), { observationId: e.id, version: 1, comment: "x y z" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(returnObservation(await actorFor(DEMO.olivia), { observationId: e.id, version: 1, comment: "x y z" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(returnObservation(await actorFor(DEMO.theo), { observationId: e.id, version: 1, comment: "x y z" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("amendObservation", () => {
  it("adds a dated amendment to a signed entry without changing it, and audits", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.ana, DEMO.peter);
    await expect(amendObservation(peter, { observationId: e.id, reason: "Typo", text: "Distance was 80 ft" })).rejects.toMatchObject({ code: "CONFLICT" });
    await signObservation(peter, { observationId: e.id, version: 1, password: PASSWORD });
    const before = await entry(e.id);
    const { id } = await amendObservation(peter, { observationId: e.id, reason: "Wrong distance", text: "Distance was 80 ft, not 60 ft." });
    const [a] = await getDb().select().from(amendments).where(eq(amendments.id, id));
    expect(a).toMatchObject({ authorLabel: "Peter Park, DPT", reason: "Wrong distance", observationId: e.id });
    expect(await entry(e.id)).toEqual(before);
    expect(await lastAudit("observation.amend", e.id)).toMatchObject({ actorId: peter.id });
    await expect(getDb().delete(amendments).where(eq(amendments.id, id))).rejects.toThrow();
  });

  it("rejects bad input, wrong role, non-supervising therapist and other clinic", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.sam, DEMO.peter);
    await signObservation(peter, { observationId: e.id, version: 1, password: PASSWORD });
    await expect(amendObservation(peter, { observationId: e.id, reason: "", text: "" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(amendObservation(await actorFor(DEMO.sam), { observationId: e.id, reason: "Why", text: "What it is" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(amendObservation(await actorFor(DEMO.olivia), { observationId: e.id, reason: "Why", text: "What it is" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(amendObservation(await actorFor(DEMO.theo), { observationId: e.id, reason: "Why", text: "What it is" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("review queue and overdue sign-off", () => {
  it("lists the seeded entries oldest first, flags the overdue one, and shows admins the overdue list", async () => {
    const peter = await actorFor(DEMO.peter);
    const queue = await reviewQueue(peter);
    expect(queue.length).toBeGreaterThan(0);
    expect([...queue].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())).toEqual(queue);
    expect(queue.some((q) => q.overdue)).toBe(true);
    const admin = await actorFor(DEMO.admin);
    const overdue = await overdueSignoffs(admin);
    expect(overdue.length).toBeGreaterThan(0);
    expect(Object.keys(overdue[0]!).sort()).toEqual(["age", "assistant", "id", "patientName", "submittedAt", "therapist"]);
    expect(await overdueSignoffs(await actorFor(DEMO.harborAdmin))).not.toContainEqual(expect.objectContaining({ id: overdue[0]!.id }));
    await expect(overdueSignoffs(await actorFor(DEMO.ana))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
