import type { OutboxMutation, WorkingSet, WsAppointment, WsObservation, WsPrepItem, WsRoomPrep, WsSupply } from "./protocol";
import type { OutboxEntry } from "./outbox";
import { zonedToUtc } from "@/lib/time";

/** A local mark on what the aide sees: her write is stored on the tablet and not yet confirmed. */
export type Pending = "waiting" | "sent";

export type ViewAppointment = WsAppointment & { pendingAttendance: Pending | null; undoable: boolean };
export type ViewObservation = WsObservation & { pending: Pending | null };
export type ViewConcern = { id: string; appointmentId: string | null; patientId: string; kind: string; text: string; pending: Pending };

export type ViewPrepItem = WsPrepItem & { pending: Pending | null };
export type ViewRoomPrep = Omit<WsRoomPrep, "items"> & { items: ViewPrepItem[]; pending: Pending | null };
export type ViewSupply = WsSupply & { pending: Pending | null };
/** A supply use or restock made on this tablet and not yet shown by a pull. */
export type ViewSupplyMovement = { id: string; supplyId: string; kind: "use" | "restock"; quantity: number; note: string; at: string; pending: Pending };
/** A progress report written on this tablet (the working set carries no reports: this is the tablet's copy). */
export type ViewReport = { id: string; patientId: string; periodStart: string; periodEnd: string; narrative: string; at: string; pending: Pending };

/**
 * What the server has now for the record a conflicted or refused write was about (from the latest
 * pull), so the aide sees the other side of a conflict beside what she entered.
 */
export type ServerNow =
  | { kind: "prep_item"; label: string; result: WsPrepItem["result"]; checkedByName: string | null; checkedAt: string | null; note: string | null }
  | { kind: "prep"; roomName: string; status: WsRoomPrep["status"]; completedByName: string | null; completedAt: string | null; openRequired: string[] }
  | { kind: "supply"; name: string; unit: string; onHand: number }
  | { kind: "attendance"; attendance: WsAppointment["attendance"]; recordedAt: string | null; byMe: boolean }
  | { kind: "observation"; status: WsObservation["status"]; updatedAt: string };

/** A refused write, with the ids of earlier refused writes it stands for (drafts of the same entry). */
export type AttentionItem = OutboxEntry & { group: string[]; serverNow: ServerNow | null };

export type TabletView = Omit<WorkingSet, "appointments" | "observations" | "roomPreps" | "supplies"> & {
  appointments: ViewAppointment[];
  observations: ViewObservation[];
  roomPreps: ViewRoomPrep[];
  supplies: ViewSupply[];
  supplyMovements: ViewSupplyMovement[];
  reports: ViewReport[];
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
  const preps: ViewRoomPrep[] = ws.roomPreps.map((p) => ({ ...p, pending: null, items: p.items.map((i) => ({ ...i, pending: null })) }));
  const supplies: ViewSupply[] = ws.supplies.map((s) => ({ ...s, pending: null }));
  const movements: ViewSupplyMovement[] = [];
  const reports: ViewReport[] = [];
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
              if (m.kind === "room_prep.check_item") {
                i.result = m.payload.result ?? "ok";
                i.checkedAt = m.createdAt;
                i.checkedByName = ws.user.name;
              } else if (m.kind === "room_prep.uncheck_item") {
                i.result = null;
                i.checkedAt = null;
                i.checkedByName = null;
              } else i.note = m.payload.note.trim() || null;
              i.pending = mark(e);
              if (p.status === "not_started" && m.kind === "room_prep.check_item") p.status = "in_progress";
            }
        break;
      case "room_prep.complete":
        for (const p of preps)
          if (p.id === m.payload.prepId && p.status !== "ready") {
            p.status = "ready";
            p.completedAt = m.createdAt;
            p.completedByName = ws.user.name;
            p.pending = mark(e);
          }
        break;
      case "supply.move": {
        const s = supplies.find((x) => x.id === m.payload.supplyId);
        if (!s) break;
        const q = Number(m.payload.quantity);
        s.onHand += m.payload.kind === "restock" ? q : -q;
        s.low = s.onHand <= s.reorderLevel;
        s.pending = s.pending === "waiting" ? "waiting" : mark(e);
        movements.push({ id: m.payload.id, supplyId: s.id, kind: m.payload.kind, quantity: q, note: m.payload.note?.trim() ?? "", at: m.createdAt, pending: mark(e) });
        break;
      }
      case "report.submit": {
        const p = m.payload;
        reports.push({ id: p.id, patientId: p.patientId, periodStart: p.periodStart, periodEnd: p.periodEnd, narrative: p.narrative.trim(), at: m.createdAt, pending: mark(e) });
        break;
      }
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
    supplyMovements: movements,
    reports,
    verbalReports,
    concerns,
    attention: attentionItems(entries.filter((e) => e.state === "attention")).map((a) => ({ ...a, serverNow: serverNow(ws, a.mutation) })),
    waiting: entries.filter((e) => e.state === "waiting" || e.state === "sending").length,
  };
}

/** One item per observation entry (its drafts and submit are one piece of work: the latest carries all of it). */
function attentionItems(refused: OutboxEntry[]): Omit<AttentionItem, "serverNow">[] {
  type Item = Omit<AttentionItem, "serverNow">;
  const byEntry = new Map<string, Item>();
  const out: Item[] = [];
  for (const e of refused) {
    const m = e.mutation;
    if (m.kind !== "observation.save_draft" && m.kind !== "observation.submit") {
      out.push({ ...e, group: [e.id] });
      continue;
    }
    const prev = byEntry.get(m.payload.id);
    const item: Item = { ...e, group: [...(prev?.group ?? []), e.id] };
    if (prev) out.splice(out.indexOf(prev), 1, item);
    else out.push(item);
    byEntry.set(m.payload.id, item);
  }
  return out;
}

/** The record a write is about, as the server has it now (the working set of the latest pull). */
export function serverNow(ws: WorkingSet, m: OutboxMutation): ServerNow | null {
  switch (m.kind) {
    case "room_prep.check_item":
    case "room_prep.uncheck_item":
    case "room_prep.set_note": {
      const item = ws.roomPreps.flatMap((p) => p.items).find((i) => i.id === m.payload.itemId);
      return item ? { kind: "prep_item", label: item.label, result: item.result, checkedByName: item.checkedByName, checkedAt: item.checkedAt, note: item.note } : null;
    }
    case "room_prep.complete": {
      const prep = ws.roomPreps.find((p) => p.id === m.payload.prepId);
      if (!prep) return null;
      const roomName = ws.rooms.find((r) => r.id === prep.roomId)?.name ?? "";
      const openRequired = prep.items.filter((i) => i.required && i.result === null).map((i) => i.label);
      return { kind: "prep", roomName, status: prep.status, completedByName: prep.completedByName, completedAt: prep.completedAt, openRequired };
    }
    case "supply.move": {
      const s = ws.supplies.find((x) => x.id === m.payload.supplyId);
      return s ? { kind: "supply", name: s.name, unit: s.unit, onHand: s.onHand } : null;
    }
    case "attendance.record":
    case "attendance.undo": {
      const a = ws.appointments.find((x) => x.id === m.payload.appointmentId);
      return a ? { kind: "attendance", attendance: a.attendance, recordedAt: a.attendanceRecordedAt, byMe: a.attendanceRecordedByMe } : null;
    }
    case "observation.save_draft":
    case "observation.submit": {
      const o = ws.observations.find((x) => x.appointmentId === m.payload.appointmentId);
      return o ? { kind: "observation", status: o.status, updatedAt: o.updatedAt } : null;
    }
    default:
      return null;
  }
}

/**
 * The write of this outbox a new write on the same checklist item builds on (`basedOn`): the latest one
 * the server has not shown back in a pull yet (waiting, sending, or delivered since the last pull). The
 * server then uses the version that write produced, so a tick then a note queued offline do not
 * conflict with each other; none: the working set's version is current.
 */
export function basedOnForItem(entries: OutboxEntry[], itemId: string): string | undefined {
  let base: OutboxEntry | undefined;
  for (const e of entries) {
    const m = e.mutation;
    if (e.state === "attention") continue;
    if ((m.kind === "room_prep.check_item" || m.kind === "room_prep.uncheck_item" || m.kind === "room_prep.set_note") && m.payload.itemId === itemId) {
      if (!base || e.seq > base.seq) base = e;
    }
  }
  return base?.id;
}

/** "Mark room ready" on the device: the server's rule (required items first), for a fast answer. */
export function openRequiredItems(prep: Pick<ViewRoomPrep, "items">): string[] {
  return prep.items.filter((i) => i.required && i.result === null).map((i) => i.label);
}
