import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { appointments, auditEvents, concerns, goalObservations, observations, progressReports } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicToday, zonedToUtc } from "@/lib/time";
import { acknowledgeConcern } from "./acknowledge-concern";
import { acknowledgeReport } from "./acknowledge-report";
import { compilePatientFigures } from "./compile";
import { openConcerns } from "./queries";
import { raiseConcern } from "./raise-concern";
import { submitProgressReport } from "./submit-progress-report";

beforeAll(seedDemoOnce);

const TZ = "America/Los_Angeles";
const p01 = demo.patient("sunrise", "p01");
const ana = demo.user("sunrise", "ana");
const peter = demo.user("sunrise", "peter");
const audited = async (action: string, entityId: string) =>
  (await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))).orderBy(desc(auditEvents.id)))[0];

/** Four sessions 40–37 days ago (before the seeded schedule), with hand-chosen figures. */
async function seedPeriod() {
  const start = addDays(clinicToday(TZ), -40);
  const plan = [
    { attendance: "present", attitude: 3, walk: 50, sts: 5, wins: "Walked to the gym" },
    { attendance: "late", attitude: 4, walk: 60, sts: null, wins: "" },
    { attendance: "no_show", attitude: null, walk: null, sts: null, wins: "" },
    { attendance: "present", attitude: 5, walk: 80, sts: null, wins: "Asked for more" },
  ] as const;
  for (const [i, s] of plan.entries()) {
    const day = addDays(start, i);
    const apptId = randomUUID();
    await getDb().insert(appointments).values({
      id: apptId,
      clinicId: demo.clinic("sunrise"),
      patientId: p01,
      therapistId: peter,
      assistantId: ana,
      roomId: demo.room("sunrise", "gym"),
      startsAt: zonedToUtc(day, "08:00", TZ),
      endsAt: zonedToUtc(day, "08:45", TZ),
      attendance: s.attendance,
    });
    if (s.attitude === null) continue;
    const obsId = randomUUID();
    await getDb().insert(observations).values({
      id: obsId, clinicId: demo.clinic("sunrise"), appointmentId: apptId, patientId: p01, capturedBy: ana,
      capturedByLabel: "Ana Alvarez, Rehabilitation Aide, assistant", supervisingTherapistId: peter,
      attitude: s.attitude, accomplishments: s.wins, status: "submitted", submittedAt: new Date(),
    });
    await getDb().insert(goalObservations).values({ observationId: obsId, goalId: demoId("sunrise:goal:p01:0"), value: s.walk, assistLevel: "minimal" });
    if (s.sts !== null) await getDb().insert(goalObservations).values({ observationId: obsId, goalId: demoId("sunrise:goal:p01:1"), value: s.sts });
    if (i === 0) await getDb().update(observations).set({ status: "signed", signedBy: peter, signedAt: new Date() }).where(eq(observations.id, obsId));
  }
  return { start, end: addDays(start, 3) };
}

describe("submitProgressReport", () => {
  it("compiles the figures from the record (checked by hand), sends it to the delegating therapist, idempotently", async () => {
    const anaActor = await actorFor(DEMO.ana);
    const { start, end } = await seedPeriod();
    const id = randomUUID();
    const input = { id, patientId: p01, periodStart: start, periodEnd: end, narrative: "Maggie walks further each week." };
    await submitProgressReport(anaActor, input);
    await submitProgressReport(anaActor, input); // double tap
    const rows = await getDb().select().from(progressReports).where(eq(progressReports.id, id));
    expect(rows).toHaveLength(1);
    const r = rows[0]!;
    expect(r).toMatchObject({ therapistId: peter, authorId: ana, status: "submitted", authorLabel: "Ana Alvarez, Rehabilitation Aide, assistant" });
    const f = r.figures as Record<string, unknown>;
    // 4 sessions: 2 present, 1 late, 1 no-show → (2 + 1) / 4 = 75 %
    expect(f.attendance).toEqual({ present: 2, late: 1, no_show: 1, cancelled: 0, total: 4, rate: 75 });
    // attitudes 3, 4, 5 → average 4; first half [3] vs last half [5] → improving
    expect(f.attitude).toMatchObject({ average: 4, trend: "improving", points: [{ date: start, value: 3 }, { value: 4 }, { value: 5 }] });
    const goals = f.goals as { description: string; first: number; last: number; points: unknown[] }[];
    expect(goals.map((g) => [g.description, g.points.length, g.first, g.last])).toEqual([
      ["Sit-to-stand 10 times without using hands", 1, 5, 5],
      ["Walk 150 ft with rolling walker and supervision", 3, 50, 80],
    ]);
    expect(f.accomplishments).toEqual([
      { date: start, text: "Walked to the gym" },
      { date: addDays(start, 3), text: "Asked for more" },
    ]);
    expect(await audited("report.submit", id)).toMatchObject({ actorId: ana, patientId: p01 });
  });

  it("rejects wrong role, a patient off the caseload, another clinic and bad input", async () => {
    const base = { periodStart: "2026-01-01", periodEnd: "2026-01-31", narrative: "A fine month of work." };
    await expect(submitProgressReport(await actorFor(DEMO.peter), { id: randomUUID(), patientId: p01, ...base })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(submitProgressReport(await actorFor(DEMO.ana), { id: randomUUID(), patientId: demo.patient("sunrise", "p04"), ...base })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitProgressReport(await actorFor(DEMO.hugo), { id: randomUUID(), patientId: p01, ...base })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(submitProgressReport(await actorFor(DEMO.ana), { id: randomUUID(), patientId: p01, ...base, periodEnd: "2025-12-01" })).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("seeded demo report", () => {
  it("carries the same figures the app compiles from the seeded entries", async () => {
    const [r] = await getDb().select().from(progressReports).where(eq(progressReports.id, demoId("sunrise:report:p01:demo")));
    const compiled = await compilePatientFigures(getDb(), { patientId: p01, from: r!.periodStart, to: r!.periodEnd, timeZone: TZ, statuses: ["submitted", "signed"] });
    expect(compiled.attendance.total).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(r!.figures))).toEqual(JSON.parse(JSON.stringify(compiled)));
  });
});

describe("acknowledgeReport", () => {
  it("the receiving therapist acknowledges with a comment, once; others cannot", async () => {
    const id = demoId("sunrise:report:p01:demo");
    await expect(acknowledgeReport(await actorFor(DEMO.ana), { id, version: 1, comment: "Thanks" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acknowledgeReport(await actorFor(DEMO.olivia), { id, version: 1, comment: "Thanks" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(acknowledgeReport(await actorFor(DEMO.theo), { id, version: 1, comment: "Thanks" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const p = await actorFor(DEMO.peter);
    await expect(acknowledgeReport(p, { id, version: 1, comment: "" })).rejects.toMatchObject({ name: "ZodError" });
    await acknowledgeReport(p, { id, version: 1, comment: "Good observations; keep going." });
    await expect(acknowledgeReport(p, { id, version: 2, comment: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await audited("report.acknowledge", id)).toMatchObject({ actorId: peter });
  });
});

describe("concerns", () => {
  it("an assistant raises one in one tap (idempotent); it heads the appointment therapist's queue until acknowledged", async () => {
    const anaActor = await actorFor(DEMO.ana);
    const p = await actorFor(DEMO.peter);
    const id = randomUUID();
    // p03's primary therapist is Olivia; no appointment given → Olivia
    await raiseConcern(anaActor, { id, patientId: demo.patient("sunrise", "p03"), kind: "fall" });
    await raiseConcern(anaActor, { id, patientId: demo.patient("sunrise", "p03"), kind: "fall" });
    expect(await getDb().select().from(concerns).where(eq(concerns.id, id))).toHaveLength(1);
    const olivia = await actorFor(DEMO.olivia);
    expect((await openConcerns(olivia))[0]).toMatchObject({ id, kind: "fall", raisedByName: "Ana Alvarez" });
    expect(await audited("concern.raise", id)).toMatchObject({ actorId: ana });
    // with an appointment: that appointment's therapist
    const [appt] = await getDb().select({ id: appointments.id }).from(appointments).where(and(eq(appointments.patientId, p01), eq(appointments.therapistId, peter))).limit(1);
    const id2 = randomUUID();
    await raiseConcern(anaActor, { id: id2, patientId: p01, appointmentId: appt!.id, kind: "pain", text: "Hip pain 6/10" });
    expect((await openConcerns(p)).map((c) => c.id)).toContain(id2);
    await expect(acknowledgeConcern(olivia, { id: id2, version: 1, comment: "Seen" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await acknowledgeConcern(p, { id: id2, version: 1, comment: "Called the patient; ice and rest." });
    expect((await openConcerns(p)).map((c) => c.id)).not.toContain(id2);
    await expect(acknowledgeConcern(p, { id: id2, version: 2, comment: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await audited("concern.acknowledge", id2)).toMatchObject({ actorId: peter });
  });

  it("rejects wrong role, patients off the caseload and another clinic", async () => {
    await expect(raiseConcern(await actorFor(DEMO.peter), { id: randomUUID(), patientId: p01, kind: "pain" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(raiseConcern(await actorFor(DEMO.ana), { id: randomUUID(), patientId: demo.patient("sunrise", "p04"), kind: "pain" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(raiseConcern(await actorFor(DEMO.hugo), { id: randomUUID(), patientId: p01, kind: "pain" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(raiseConcern(await actorFor(DEMO.ana), { id: randomUUID(), patientId: p01, kind: "bored" })).rejects.toMatchObject({ name: "ZodError" });
    const seeded = demoId("sunrise:concern:p04:open");
    await expect(acknowledgeConcern(await actorFor(DEMO.sam), { id: seeded, version: 1, comment: "ok" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(acknowledgeConcern(await actorFor(DEMO.theo), { id: seeded, version: 1, comment: "ok" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
