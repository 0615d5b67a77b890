import { describe, expect, it } from "vitest";
import type { OutboxEntry } from "./outbox";
import type { OutboxMutation, WorkingSet } from "./protocol";
import { compileReportPreview } from "./report-preview";
import { basedOnForItem, buildView, openRequiredItems } from "./view";

const appt = { id: "a1", day: "2026-12-01", startsAt: "2026-12-01T16:00:00Z", endsAt: "2026-12-01T16:45:00Z", status: "scheduled", attendance: null, arrivedAt: null, attendanceRecordedAt: null, attendanceRecordedByMe: false, version: 1, patientId: "p1", roomId: "r1", roomName: "Gym", therapistId: "t1", therapistLabel: "Peter Park, DPT", returnedOnly: false };
const ws = { clinic: { timeZone: "America/Los_Angeles" }, appointments: [appt], observations: [], roomPreps: [], supplies: [], verbalReports: [] } as unknown as WorkingSet;
let seq = 0;
const entry = (mutation: Omit<OutboxMutation, "id" | "createdAt">, state: OutboxEntry["state"] = "waiting", note: OutboxEntry["note"] = { label: "" }): OutboxEntry => ({
  id: `m${++seq}`,
  seq,
  state,
  doneAt: null,
  mutation: { ...mutation, id: `m${seq}`, createdAt: "2026-12-01T16:05:00Z" } as OutboxMutation,
  note,
});
const values = { tasks: [], goals: [], attitude: 4, attitudeTags: [], accomplishments: "Did it", comfortAndNeeds: "", note: "", education: [] };

describe("the local view of the day", () => {
  it("applies her writes in order: a tap, its undo, and the version each will produce", () => {
    const v = buildView(ws, [
      entry({ kind: "attendance.record", payload: { appointmentId: "a1", attendance: "late", arrivalTime: "08:10", version: 1 } }),
      entry({ kind: "attendance.undo", payload: { appointmentId: "a1", version: 2 } }, "waiting", { label: "", before: { attendance: null, arrivedAt: null } }),
      entry({ kind: "attendance.record", payload: { appointmentId: "a1", attendance: "present", arrivalTime: "", version: 3 } }),
    ]);
    expect(v.appointments[0]).toMatchObject({ attendance: "present", version: 4, pendingAttendance: "waiting" });
    expect(v.waiting).toBe(3);
  });

  it("a late arrival is the clinic's wall clock on the appointment's day", () => {
    const v = buildView(ws, [entry({ kind: "attendance.record", payload: { appointmentId: "a1", attendance: "late", arrivalTime: "08:10", version: 1 } })]);
    expect(v.appointments[0]?.arrivedAt).toBe("2026-12-01T16:10:00.000Z");
  });

  it("a draft then a submit show as submitted; a refused write is not applied but listed once per entry", () => {
    const draft = entry({ kind: "observation.save_draft", payload: { ...values, id: "o1", appointmentId: "a1", version: 0 } }, "attention");
    const submit = entry({ kind: "observation.submit", payload: { ...values, id: "o1", appointmentId: "a1", version: 1 } }, "attention");
    const concern = entry({ kind: "concern.raise", payload: { id: "c1", patientId: "p1", appointmentId: "a1", kind: "pain", text: "" } }, "done");
    const v = buildView(ws, [draft, submit, concern]);
    expect(v.observations).toEqual([]);
    expect(v.attention.map((a) => [a.id, a.group])).toEqual([[submit.id, [draft.id, submit.id]]]);
    expect(v.concerns).toMatchObject([{ id: "c1", pending: "sent" }]);
    expect(v.waiting).toBe(0);

    const ok = buildView(ws, [{ ...draft, state: "done" }, { ...submit, state: "waiting" }]);
    expect(ok.observations[0]).toMatchObject({ id: "o1", status: "submitted", version: 2, pending: "waiting" });
  });
});

const item = (id: string, required: boolean, extra: Partial<WorkingSet["roomPreps"][number]["items"][number]> = {}) => ({
  id,
  position: 1,
  label: `Item ${id}`,
  required,
  equipmentId: null,
  result: null,
  checkedAt: null,
  checkedByName: null,
  note: null,
  version: 1,
  ...extra,
});
const prepWs = {
  ...ws,
  user: { id: "u1", name: "Ana Alvarez" },
  rooms: [{ id: "r1", name: "Gym", kind: "gym", appointmentsToday: 1, firstAppointmentAt: appt.startsAt, prepId: "prep1", outOfService: [], needsService: [] }],
  roomPreps: [{ id: "prep1", roomId: "r1", day: "2026-12-01", status: "not_started", completedAt: null, completedByName: null, items: [item("i1", true), item("i2", false, { note: "old", version: 3 })] }],
  supplies: [{ id: "s1", name: "Gloves", unit: "boxes", onHand: 5, reorderLevel: 2, low: false }],
} as unknown as WorkingSet;

describe("room prep, supplies and reports on the device", () => {
  it("a tick shows who and when at once, a note replaces the text, and 'room ready' marks the prep", () => {
    const tick = entry({ kind: "room_prep.check_item", payload: { itemId: "i1", result: "ok" } });
    const note = entry({ kind: "room_prep.set_note", payload: { itemId: "i2", note: "  Spare mat  ", version: 3 } });
    const ready = entry({ kind: "room_prep.complete", payload: { prepId: "prep1" } });
    const v = buildView(prepWs, [tick, note, ready]);
    const p = v.roomPreps[0]!;
    expect(p.items[0]).toMatchObject({ result: "ok", checkedByName: "Ana Alvarez", checkedAt: tick.mutation.createdAt, pending: "waiting" });
    expect(p.items[1]).toMatchObject({ note: "Spare mat", pending: "waiting" });
    expect(p).toMatchObject({ status: "ready", completedByName: "Ana Alvarez", pending: "waiting" });
    expect(v.waiting).toBe(3);
  });

  it("an undo clears the tick; required items still open are what 'room ready' waits for", () => {
    const v = buildView(prepWs, [entry({ kind: "room_prep.check_item", payload: { itemId: "i1", result: "ok" } }, "done"), entry({ kind: "room_prep.uncheck_item", payload: { itemId: "i1" } })]);
    expect(v.roomPreps[0]!.items[0]).toMatchObject({ result: null, checkedAt: null, checkedByName: null, pending: "waiting" });
    expect(v.roomPreps[0]!.status).toBe("in_progress");
    expect(openRequiredItems(v.roomPreps[0]!)).toEqual(["Item i1"]);
    expect(openRequiredItems(buildView(prepWs, [entry({ kind: "room_prep.check_item", payload: { itemId: "i1", result: "failed" } })]).roomPreps[0]!)).toEqual([]);
  });

  it("a note builds on the latest write to its item that a pull has not shown yet; refused ones do not count", () => {
    const tick = entry({ kind: "room_prep.check_item", payload: { itemId: "i1", result: "ok" } }, "done");
    const other = entry({ kind: "room_prep.check_item", payload: { itemId: "i2", result: "ok" } });
    const refused = entry({ kind: "room_prep.set_note", payload: { itemId: "i1", note: "x", version: 1 } }, "attention");
    expect(basedOnForItem([tick, other, refused], "i1")).toBe(tick.id);
    expect(basedOnForItem([tick, other, refused], "i2")).toBe(other.id);
    expect(basedOnForItem([refused], "i1")).toBeUndefined();
  });

  it("supply use lowers the stock at once and flags low stock; each movement is listed until a pull shows it", () => {
    const use = entry({ kind: "supply.move", payload: { id: "mv1", supplyId: "s1", kind: "use", quantity: "3", note: "Gym" } });
    const restock = entry({ kind: "supply.move", payload: { id: "mv2", supplyId: "s1", kind: "restock", quantity: 1, note: "" } }, "done");
    const v = buildView(prepWs, [use, restock]);
    expect(v.supplies[0]).toMatchObject({ onHand: 3, low: false, pending: "waiting" });
    expect(v.supplyMovements).toMatchObject([
      { id: "mv1", kind: "use", quantity: 3, note: "Gym", pending: "waiting" },
      { id: "mv2", kind: "restock", quantity: 1, pending: "sent" },
    ]);
    expect(buildView(prepWs, [use]).supplies[0]).toMatchObject({ onHand: 2, low: true });
  });

  it("a refused write carries what the server has now: the item's state, the stock", () => {
    const note = entry({ kind: "room_prep.set_note", payload: { itemId: "i2", note: "mine", version: 2 } }, "attention");
    const use = entry({ kind: "supply.move", payload: { id: "mv9", supplyId: "s1", kind: "use", quantity: 9, note: "" } }, "attention");
    const ready = entry({ kind: "room_prep.complete", payload: { prepId: "prep1" } }, "attention");
    const v = buildView(prepWs, [note, use, ready]);
    expect(v.attention.map((a) => a.serverNow)).toEqual([
      { kind: "prep_item", label: "Item i2", result: null, checkedByName: null, checkedAt: null, note: "old" },
      { kind: "supply", name: "Gloves", unit: "boxes", onHand: 5 },
      { kind: "prep", roomName: "Gym", status: "not_started", completedByName: null, completedAt: null, openRequired: ["Item i1"] },
    ]);
    expect(v.supplies[0]!.onHand).toBe(5);
    expect(v.roomPreps[0]!.items[1]!.note).toBe("old");
  });

  it("a progress report written on the tablet is listed with its state; its preview compiles what the device holds", () => {
    const report = entry({ kind: "report.submit", payload: { id: "rep1", patientId: "p1", periodStart: "2026-11-18", periodEnd: "2026-12-01", narrative: " Good progress. " } });
    const v = buildView(prepWs, [report, entry({ kind: "attendance.record", payload: { appointmentId: "a1", attendance: "present", arrivalTime: "", version: 1 } })]);
    expect(v.reports).toMatchObject([{ id: "rep1", patientId: "p1", narrative: "Good progress.", pending: "waiting" }]);

    const withEntry = { ...v, delegations: [{ patientId: "p1", goalId: "g1" }], goals: [{ id: "g1", description: "Walk", unit: "ft", baseline: 10, target: 100 }], observations: [{ appointmentId: "a1", status: "submitted", values: { ...values, goals: [{ goalId: "g1", value: "40", assistLevel: "" }] } }] } as unknown as Parameters<typeof compileReportPreview>[0];
    const f = compileReportPreview(withEntry, "p1", "2026-11-18", "2026-12-01");
    expect(f.attendance).toMatchObject({ present: 1, total: 1, rate: 100 });
    expect(f.attitude.average).toBe(4);
    expect(f.goals).toMatchObject([{ goalId: "g1", last: 40 }]);
    expect(f.accomplishments).toEqual([{ date: "2026-12-01", text: "Did it" }]);
    expect(compileReportPreview(withEntry, "p1", "2026-12-02", "2026-12-10").attendance.total).toBe(0);
  });
});
