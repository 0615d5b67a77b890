import { describe, expect, it } from "vitest";
import type { OutboxEntry } from "./outbox";
import type { OutboxMutation, WorkingSet } from "./protocol";
import { buildView } from "./view";

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
