import type { WorkingSet, WsAppointment, WsObservation } from "./protocol";
import type { OutboxEntry } from "./outbox";
import { zonedToUtc } from "@/lib/time";

/** A local mark on what the aide sees: her write is stored on the tablet and not yet confirmed. */
export type Pending = "waiting" | "sent";

export type ViewAppointment = WsAppointment & { pendingAttendance: Pending | null; undoable: boolean };
export type ViewObservation = WsObservation & { pending: Pending | null };
export type ViewConcern = { id: string; appointmentId: string | null; patientId: string; kind: string; text: string; pending: Pending };

/** A refused write, with the ids of earlier refused writes it stands for (drafts of the same entry). */
export type AttentionItem = OutboxEntry & { group: string[] };

export type TabletView = Omit<WorkingSet, "appointments" | "observations"> & {
  appointments: ViewAppointment[];
  observations: ViewObservation[];
  concerns: ViewConcern[];
  attention: AttentionItem[];
  waiting: number;
};

const mark = (e: OutboxEntry): Pending => (e.state === "done" ? "sent" : "waiting");

/**
 * The working set with the tablet's own writes applied on top, in the order she made them: what she
 * did shows at once, before the server has seen it. Writes the server refused are not applied; they
 * are listed in `attention` with what she entered. Pure: unit-tested without a browser.
 */
export function buildView(ws: WorkingSet, entries: OutboxEntry[]): TabletView {
  const appts = new Map<string, ViewAppointment>(ws.appointments.map((a) => [a.id, { ...a, pendingAttendance: null, undoable: false }]));
  const obs = new Map<string, ViewObservation>(ws.observations.map((o) => [o.appointmentId, { ...o, pending: null }]));
  const preps = ws.roomPreps.map((p) => ({ ...p, items: p.items.map((i) => ({ ...i })) }));
  const supplies = ws.supplies.map((s) => ({ ...s }));
  const concerns: ViewConcern[] = [];
  const verbalReports = [...ws.verbalReports];
  const tz = ws.clinic.timeZone;
  const live = entries.filter((e) => e.state !== "attention");
  for (const e of live) {
    const m = e.mutation;
    switch (m.kind) {
      case "attendance.record": {
        const a = appts.get(m.payload.appointmentId);
        if (!a) break;
        a.attendance = m.payload.attendance;
        a.arrivedAt =
          m.payload.attendance === "late" && m.payload.arrivalTime
            ? zonedToUtc(a.day, m.payload.arrivalTime, tz).toISOString()
            : m.payload.attendance === "present"
              ? new Date(Math.min(Date.parse(m.createdAt), Date.parse(a.startsAt))).toISOString()
              : m.payload.attendance === "late"
                ? m.createdAt
                : null;
        a.version = Number(m.payload.version) + 1;
        a.attendanceRecordedByMe = true;
        a.pendingAttendance = mark(e);
        a.undoable = true;
        break;
      }
      case "attendance.undo": {
        const a = appts.get(m.payload.appointmentId);
        if (!a) break;
        a.attendance = e.note.before?.attendance ?? null;
        a.arrivedAt = e.note.before?.arrivedAt ?? null;
        a.version = Number(m.payload.version) + 1;
        a.pendingAttendance = mark(e);
        a.undoable = false;
        break;
      }
      case "observation.save_draft":
      case "observation.submit": {
        const { id, appointmentId, version, ...values } = m.payload;
        const prev = obs.get(appointmentId);
        obs.set(appointmentId, {
          id,
          appointmentId,
          status: m.kind === "observation.submit" ? "submitted" : "draft",
          version: Number(version) + 1,
          updatedAt: m.createdAt,
          submittedAt: m.kind === "observation.submit" ? m.createdAt : null,
          returnComment: prev?.returnComment ?? null,
          returnedAt: prev?.returnedAt ?? null,
          values,
          pending: mark(e),
        });
        break;
      }
      case "concern.raise":
        concerns.push({ id: m.payload.id, appointmentId: m.payload.appointmentId ?? null, patientId: m.payload.patientId, kind: m.payload.kind, text: m.payload.text ?? "", pending: mark(e) });
        break;
      case "verbal_report.log": {
        const p = m.payload;
        if (!p.appointmentId || verbalReports.some((r) => r.id === p.id)) break;
        const appt = appts.get(p.appointmentId);
        verbalReports.push({ id: p.id, appointmentId: p.appointmentId, patientId: appt?.patientId ?? "", therapistId: p.therapistId, reportedAt: p.reportedAt || m.createdAt, summary: p.summary.trim() });
        break;
      }
      case "room_prep.check_item":
      case "room_prep.uncheck_item":
      case "room_prep.set_note":
        for (const p of preps)
          for (const i of p.items)
            if (i.id === m.payload.itemId) {
              if (m.kind === "room_prep.check_item") i.result = m.payload.result ?? "ok";
              else if (m.kind === "room_prep.uncheck_item") i.result = null;
              else i.note = m.payload.note || null;
              if (p.status === "not_started") p.status = "in_progress";
            }
        break;
      case "room_prep.complete":
        for (const p of preps) if (p.id === m.payload.prepId) p.status = "ready";
        break;
      case "supply.move":
        for (const s of supplies)
          if (s.id === m.payload.supplyId) {
            const q = Number(m.payload.quantity);
            s.onHand += m.payload.kind === "restock" ? q : -q;
            s.low = s.onHand <= s.reorderLevel;
          }
        break;
      default:
        break;
    }
  }
  return {
    ...ws,
    appointments: [...appts.values()],
    observations: [...obs.values()],
    roomPreps: preps,
    supplies,
    verbalReports,
    concerns,
    attention: attentionItems(entries.filter((e) => e.state === "attention")),
    waiting: entries.filter((e) => e.state === "waiting" || e.state === "sending").length,
  };
}

/** One item per observation entry (its drafts and submit are one piece of work: the latest carries all of it). */
function attentionItems(refused: OutboxEntry[]): AttentionItem[] {
  const byEntry = new Map<string, AttentionItem>();
  const out: AttentionItem[] = [];
  for (const e of refused) {
    const m = e.mutation;
    if (m.kind !== "observation.save_draft" && m.kind !== "observation.submit") {
      out.push({ ...e, group: [e.id] });
      continue;
    }
    const prev = byEntry.get(m.payload.id);
    const item: AttentionItem = { ...e, group: [...(prev?.group ?? []), e.id] };
    if (prev) out.splice(out.indexOf(prev), 1, item);
    else out.push(item);
    byEntry.set(m.payload.id, item);
  }
  return out;
}
