import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { appointments, auditEvents, concerns, delegations, observations, outboxMutations, progressReports, roomPrepItems, roomPreps, supplies, supplyMovements, verbalReports } from "@/db/schema";
import { endDelegation } from "@/lib/care/end-delegation";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translate";
import { ensureRoomPrep } from "@/lib/rooms/ensure-room-prep";
import { cancelAppointment } from "@/lib/schedule/cancel-appointment";
import { recordAttendance } from "@/lib/schedule/record-attendance";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { clinicToday } from "@/lib/time";
import { outboxBatchSchema, type ParsedMutation } from "./outbox-schema";
import { finalAnswer, processOutbox, retryOf } from "./process-outbox";
import type { MutationKind } from "./protocol";

beforeAll(seedDemoOnce);

const today = () => clinicToday("America/Los_Angeles");
const appt = (patient: string, time: string) => demoId(`sunrise:appt:${patient}:${today()}:${time}`);
const delegation = (patient: string, task: string) => demoId(`sunrise:delegation:${patient}:ana:${task}`);
const m = (kind: MutationKind, payload: Record<string, unknown>, id: string = randomUUID()): ParsedMutation => ({ id, kind, payload, createdAt: new Date().toISOString() });
const version = async (id: string) => (await getDb().select({ v: appointments.version }).from(appointments).where(eq(appointments.id, id)))[0]!.v;
const tally = async () => {
  const db = getDb();
  const [[a], [c], [s], [o], [l]] = await Promise.all([
    db.select({ n: count() }).from(auditEvents),
    db.select({ n: count() }).from(concerns),
    db.select({ n: count() }).from(supplyMovements),
    db.select({ n: count() }).from(observations),
    db.select({ n: count() }).from(outboxMutations),
  ]);
  return { audit: a!.n, concerns: c!.n, movements: s!.n, observations: o!.n, ledger: l!.n };
};

function p01Entry(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    appointmentId: appt("p01", "08:00"),
    version: 0,
    tasks: [
      { delegationId: delegation("p01", "gait_training"), done: true, note: "Two laps" },
      { delegationId: delegation("p01", "therapeutic_exercise"), done: true, note: "" },
    ],
    goals: [],
    attitude: 4,
    attitudeTags: ["engaged"],
    accomplishments: "Walked further",
    comfortAndNeeds: "",
    note: "",
    education: [],
    ...over,
  };
}

describe("processOutbox", () => {
  it("applies a batch in order, and the same batch again changes nothing and answers the same", async () => {
    const ana = await actorFor(DEMO.ana);
    const a = appt("p01", "08:00");
    const [supply] = await getDb().select().from(supplies).where(eq(supplies.clinicId, ana.clinicId)).limit(1);
    const entryId = randomUUID();
    const batch = [
      m("attendance.record", { appointmentId: a, attendance: "present", arrivalTime: "", version: await version(a) }),
      m("observation.save_draft", p01Entry(entryId)),
      m("observation.submit", p01Entry(entryId, { version: 1 })),
      m("concern.raise", { id: randomUUID(), patientId: demo.patient("sunrise", "p01"), appointmentId: a, kind: "other", text: "Bruise on left forearm" }),
      m("supply.move", { id: randomUUID(), supplyId: supply!.id, kind: "restock", quantity: 1, note: "" }),
      m("verbal_report.log", { id: randomUUID(), appointmentId: a, therapistId: demo.user("sunrise", "peter"), summary: "Told Peter about hip pain" }),
    ];
    const first = await processOutbox(ana, batch);
    expect(first.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", "applied", "applied", "applied"]);
    expect(first.map((r) => r.id)).toEqual(batch.map((b) => b.id));
    expect(first[2]!.data).toMatchObject({ id: entryId, status: "submitted" });
    const before = await tally();
    const onHand = (await getDb().select().from(supplies).where(eq(supplies.id, supply!.id)))[0]!.onHand;

    const again = await processOutbox(ana, batch);
    expect(again.map((r) => r.outcome)).toEqual(Array(6).fill("duplicate"));
    again.forEach((r, i) => {
      expect(r.firstOutcome).toBe("applied");
      expect(r.data).toEqual(JSON.parse(JSON.stringify(first[i]!.data)));
    });
    expect(await tally()).toEqual(before);
    expect((await getDb().select().from(supplies).where(eq(supplies.id, supply!.id)))[0]!.onHand).toBe(onHand);
    const [ledger] = await getDb().select().from(outboxMutations).where(eq(outboxMutations.id, batch[0]!.id));
    expect(ledger).toMatchObject({ actorId: ana.id, clinicId: ana.clinicId, kind: "attendance.record", outcome: "applied" });
    expect(await getDb().select().from(verbalReports).where(eq(verbalReports.id, (batch[5]!.payload as { id: string }).id))).toHaveLength(1);
  });

  it("the same batch from two tabs at once: each mutation applied once, the other copy a duplicate", async () => {
    const ana = await actorFor(DEMO.ana);
    const a = appt("p06", "11:00");
    const [supply] = await getDb().select().from(supplies).where(eq(supplies.clinicId, ana.clinicId)).limit(1);
    const batch = [
      m("attendance.record", { appointmentId: a, attendance: "present", version: await version(a) }),
      m("supply.move", { id: randomUUID(), supplyId: supply!.id, kind: "restock", quantity: 3 }),
    ];
    const before = supply!.onHand;
    const [x, y] = await Promise.all([processOutbox(ana, batch), processOutbox(ana, batch)]);
    for (let i = 0; i < batch.length; i++) expect([x[i]!.outcome, y[i]!.outcome].sort()).toEqual(["applied", "duplicate"]);
    expect((await getDb().select().from(supplies).where(eq(supplies.id, supply!.id)))[0]!.onHand).toBe(before + 3);
    expect(await version(a)).toBe((batch[0]!.payload as { version: number }).version + 1);
  });

  it("runs an undo after its record in the same batch", async () => {
    const ana = await actorFor(DEMO.ana);
    const a = appt("p02", "10:00");
    const v = await version(a);
    const res = await processOutbox(ana, [
      m("attendance.record", { appointmentId: a, attendance: "no_show", version: v }),
      m("attendance.undo", { appointmentId: a, version: v + 1 }),
    ]);
    expect(res.map((r) => r.outcome)).toEqual(["applied", "applied"]);
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, a));
    expect(row).toMatchObject({ attendance: null, version: v + 2 });
  });

  it("chains queued writes with basedOn: drafts, then the submit, take the versions their base produced", async () => {
    const ana = await actorFor(DEMO.ana);
    const a = appt("p10", "13:00");
    const entryId = randomUUID();
    const entry = (over: Record<string, unknown>) => ({ ...p01Entry(entryId), appointmentId: a, tasks: [], version: 0, ...over });
    const record = m("attendance.record", { appointmentId: a, attendance: "present", version: await version(a) });
    const draft1 = m("observation.save_draft", entry({ note: "first" }));
    const draft2 = { ...m("observation.save_draft", entry({ note: "second" })), basedOn: draft1.id };
    const submit = { ...m("observation.submit", entry({ note: "final" })), basedOn: draft2.id };
    const orphan = { ...m("observation.save_draft", entry({ note: "never" })), basedOn: randomUUID() };
    const res = await processOutbox(ana, [record, draft1, draft2, submit, orphan]);
    expect(res.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", "applied", "retry"]);
    expect(res[3]!.data).toMatchObject({ status: "submitted", version: 3 });
    expect(res[4]).toMatchObject({ code: "NOT_ATTEMPTED" });
    // a write based on one that did not apply is a conflict, recorded
    const late = { ...m("observation.save_draft", entry({ note: "after submit" })), basedOn: submit.id };
    const afterConflict = { ...m("observation.save_draft", entry({ note: "x" })), basedOn: late.id };
    const res2 = await processOutbox(ana, [late, afterConflict]);
    expect(res2.map((r) => r.outcome)).toEqual(["conflict", "conflict"]);
    expect(res2[1]!.message).toMatch(/builds on an earlier one that was not saved/);
  });

  it("answers conflict for a stale draft version and for attendance a therapist recorded first; recorded, replayed the same", async () => {
    const ana = await actorFor(DEMO.ana);
    const peter = await actorFor(DEMO.peter);
    const a = appt("p09", "14:00");
    const v = await version(a);
    await recordAttendance(peter, { appointmentId: a, attendance: "late", arrivalTime: "", version: v });
    const stale = m("attendance.record", { appointmentId: a, attendance: "present", version: v });
    const draftId = randomUUID();
    const entry = (over: Record<string, unknown>) => ({ ...p01Entry(draftId), appointmentId: a, tasks: [], ...over });
    const res = await processOutbox(ana, [stale, m("observation.save_draft", entry({ version: 0 })), m("observation.save_draft", entry({ version: 0, note: "second tablet" }))]);
    expect(res.map((r) => r.outcome)).toEqual(["conflict", "applied", "conflict"]);
    expect(res[0]).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/changed on another screen/) });
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, a));
    expect(row!.attendance).toBe("late");
    const replay = await processOutbox(ana, [stale]);
    expect(replay[0]).toMatchObject({ outcome: "duplicate", firstOutcome: "conflict", code: "CONFLICT", message: res[0]!.message });
  });

  it("refuses a submit whose delegation ended and one for a cancelled appointment, keeping the message", async () => {
    const ana = await actorFor(DEMO.ana);
    const peter = await actorFor(DEMO.peter);
    const admin = await actorFor(DEMO.admin);
    const [d] = await getDb().select().from(delegations).where(eq(delegations.id, delegation("p02", "therapeutic_exercise")));
    const a02 = appt("p02", "10:00");
    const cancelled = appt("p05", "15:00");
    await endDelegation(peter, { delegationId: d!.id, version: d!.version });
    await cancelAppointment(admin, { appointmentId: cancelled, version: await version(cancelled), reason: "Patient called" });
    const res = await processOutbox(ana, [
      m("observation.save_draft", { ...p01Entry(randomUUID()), appointmentId: a02, tasks: [{ delegationId: d!.id, done: true, note: "" }] }),
      m("observation.submit", { ...p01Entry(randomUUID()), appointmentId: cancelled, tasks: [] }),
    ]);
    expect(res[0]).toMatchObject({ outcome: "refused", code: "FORBIDDEN", message: expect.stringMatching(/not an active delegation/) });
    expect(res[1]).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/cancelled/) });
  });

  it("refuses another clinic's record (NOT_FOUND, audited), malformed payloads (VALIDATION) and another user's mutation id", async () => {
    const ana = await actorFor(DEMO.ana);
    const sam = await actorFor(DEMO.sam);
    const harbor = demoId(`harbor:appt:p01:${clinicToday("America/New_York")}:09:00`);
    const res = await processOutbox(ana, [
      m("attendance.record", { appointmentId: harbor, attendance: "present", version: 1 }),
      m("supply.move", { id: randomUUID(), supplyId: randomUUID(), kind: "use", quantity: -3 }),
    ]);
    expect(res[0]).toMatchObject({ outcome: "refused", code: "NOT_FOUND" });
    expect(res[1]).toMatchObject({ outcome: "refused", code: "VALIDATION", fieldErrors: { quantity: expect.any(Array) } });
    // text the database cannot store is a final refusal, not an endless retry
    const nul = await processOutbox(ana, [m("concern.raise", { id: randomUUID(), patientId: demo.patient("sunrise", "p01"), kind: "other", text: "bad \u0000 byte" })]);
    expect(nul[0]).toMatchObject({ outcome: "refused", code: "VALIDATION" });
    const denied = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, res[0]!.id));
    expect(denied[0]).toMatchObject({ action: "access.denied", actorId: ana.id });

    const theirs = await processOutbox(sam, [m("attendance.record", { appointmentId: harbor, attendance: "present", version: 1 }, res[0]!.id)]);
    expect(theirs[0]).toEqual({ id: res[0]!.id, outcome: "refused", code: "NOT_FOUND", message: "Record not found." });
  });

  it("answers in the sender's language: waiting, not attempted, another user's id, the verbs' refusals", async () => {
    const ana = { ...(await actorFor(DEMO.ana)), locale: "es" };
    const sam = await actorFor(DEMO.sam);
    const harbor = demoId(`harbor:appt:p01:${clinicToday("America/New_York")}:09:00`);
    const orphan = { ...m("concern.raise", { id: randomUUID(), patientId: demo.patient("sunrise", "p01"), kind: "other", text: "x" }), basedOn: randomUUID() };
    const next = m("concern.raise", { id: randomUUID(), patientId: demo.patient("sunrise", "p01"), kind: "other", text: "y" });
    const res = await processOutbox(ana, [orphan, next]);
    expect(res[0]).toMatchObject({ outcome: "retry", code: "NOT_ATTEMPTED", message: "Esperando a que primero se envíe el cambio del que depende." });
    expect(res[1]).toMatchObject({ outcome: "retry", code: "NOT_ATTEMPTED", message: `Todavía no se envió: antes hay que volver a intentar el cambio ${orphan.id}.` });
    const refused = await processOutbox(ana, [m("attendance.record", { appointmentId: harbor, attendance: "present", version: 1 }), m("supply.move", { id: randomUUID(), supplyId: randomUUID(), kind: "use", quantity: -3 })]);
    expect(refused[0]).toMatchObject({ outcome: "refused", code: "NOT_FOUND", message: "Cita no encontrada." });
    expect(refused[1]).toMatchObject({ code: "VALIDATION", message: translatorFor("es")("errors.validation") });
    expect(refused[1]!.fieldErrors!.quantity![0]).not.toMatch(/^validation\./);
    // a mutation id another user already used: nothing leaks, in her language
    const theirs = await processOutbox({ ...sam, locale: "es" }, [m("attendance.record", { appointmentId: harbor, attendance: "present", version: 1 }, refused[0]!.id)]);
    expect(theirs[0]).toEqual({ id: refused[0]!.id, outcome: "refused", code: "NOT_FOUND", message: "Registro no encontrado." });
  });

  it("words the database's refusals and every retry in the sender's language", () => {
    const [en, es] = [translatorFor("en"), translatorFor("es")];
    const pg = (code: string) => Object.assign(new Error("driver"), { code });
    const mu = m("concern.raise", {});
    for (const t of [en, es]) {
      expect(finalAnswer(pg("22021"), t)).toEqual({ outcome: "refused", code: "VALIDATION", message: t("outbox.cannotStore") });
      expect(finalAnswer(pg("23505"), t)).toEqual({ outcome: "conflict", code: "CONFLICT", message: t("outbox.clashes") });
      expect(retryOf(mu, new AppError("UNAVAILABLE", "down"), t)).toMatchObject({ outcome: "retry", code: "UNAVAILABLE", message: t("outbox.databaseDown") });
      expect(retryOf(mu, pg("40001"), t)).toMatchObject({ outcome: "retry", code: "UNAVAILABLE", message: t("outbox.busy") });
      expect(retryOf(mu, new AppError("RATE_LIMITED", { key: "errors.generic" }), t)).toMatchObject({ code: "RATE_LIMITED", message: t("errors.generic") });
      expect(retryOf(mu, new Error("boom"), t)).toMatchObject({ outcome: "retry", code: "INTERNAL", message: t("outbox.internal") });
    }
    expect(en("outbox.cannotStore")).toMatch(/^Some of what was entered cannot be stored/);
    expect(es("outbox.cannotStore")).toMatch(/^Parte de lo que se escribió/);
    expect(es("outbox.busy")).not.toBe(en("outbox.busy"));
  });

  it("runs the room checklist and progress report kinds through their verbs", async () => {
    const ana = await actorFor(DEMO.ana);
    const { prepId } = await ensureRoomPrep(ana, { roomId: demo.room("sunrise", "speech"), day: today() });
    const items = await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.prepId, prepId)).orderBy(roomPrepItems.position);
    expect(items.length).toBeGreaterThan(1);
    const [first, ...rest] = items;
    const tick = m("room_prep.check_item", { itemId: first!.id });
    const note = { ...m("room_prep.set_note", { itemId: first!.id, note: "Spare mat used", version: 0 }), basedOn: tick.id };
    const untick = m("room_prep.uncheck_item", { itemId: first!.id });
    const early = m("room_prep.complete", { prepId });
    const ticks = [first!, ...rest].map((i) => m("room_prep.check_item", { itemId: i.id }));
    const ready = m("room_prep.complete", { prepId });
    const reportId = randomUUID();
    const report = m("report.submit", { id: reportId, patientId: demo.patient("sunrise", "p01"), periodStart: "2026-01-01", periodEnd: "2026-01-31", narrative: "Walks further every week." });
    const res = await processOutbox(ana, [tick, note, untick, early, ...ticks, ready, report]);
    expect(res.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", items.some((i) => i.required) ? "conflict" : "applied", ...ticks.map(() => "applied"), "applied", "applied"]);
    const [item] = await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.id, first!.id));
    expect(item).toMatchObject({ note: "Spare mat used", result: "ok", checkedBy: ana.id });
    expect((await getDb().select().from(roomPreps).where(eq(roomPreps.id, prepId)))[0]).toMatchObject({ status: "ready", completedBy: ana.id });
    expect(await getDb().select().from(progressReports).where(eq(progressReports.id, reportId))).toHaveLength(1);
  });

  it("is for assistants only", async () => {
    await expect(processOutbox(await actorFor(DEMO.peter), [])).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("outboxBatchSchema", () => {
  const ok = { id: randomUUID(), kind: "concern.raise", payload: {}, createdAt: new Date().toISOString() };
  it("takes a well-formed batch and refuses bad envelopes", () => {
    expect(outboxBatchSchema.safeParse({ mutations: [ok] }).success).toBe(true);
    for (const bad of [
      {},
      { mutations: "x" },
      { mutations: [{ ...ok, id: "not-a-uuid" }] },
      { mutations: [{ ...ok, id: "3f1d2c4b-0000-1000-8000-00000000dead" }] },
      { mutations: [{ ...ok, kind: "patient.delete" }] },
      { mutations: [{ ...ok, payload: "x" }] },
      { mutations: [{ ...ok, createdAt: "yesterday" }] },
      { mutations: Array.from({ length: 101 }, () => ({ ...ok, id: randomUUID() })) },
    ]) {
      expect(outboxBatchSchema.safeParse(bad).success, JSON.stringify(bad).slice(0, 80)).toBe(false);
    }
  });
});
