import type { MutationKind, MutationPayloads, OutboxMutation, OutboxResult, WorkingSet } from "./protocol";
import { open, seal } from "./crypto";
import { getOfflineDb, type OutboxRecord, type OutboxState } from "./db";
import { newId } from "./ids";
import { unlocked } from "./vault";

/** What the aide's device knows about one write, beyond the mutation itself (all of it encrypted). */
export type EntryNote = {
  /** short description for the "Needs your attention" list, e.g. "Attendance: present" */
  label: string;
  appointmentId?: string;
  /** attendance before this tap, so the local view can show an undo */
  before?: { attendance: WorkingSetAppointmentAttendance; arrivedAt: string | null };
};
type WorkingSetAppointmentAttendance = WorkingSet["appointments"][number]["attendance"];

export type OutboxEntry = {
  id: string;
  seq: number;
  state: OutboxState;
  doneAt: number | null;
  mutation: OutboxMutation;
  note: EntryNote;
  /** the server's answer for a conflict or refusal */
  result?: Pick<OutboxResult, "outcome" | "code" | "message" | "fieldErrors">;
};
type Body = Pick<OutboxEntry, "mutation" | "note" | "result">;

const slot = (id: string) => `outbox:${id}`;

function key(): { userId: string; dataKey: CryptoKey } {
  const u = unlocked();
  if (!u) throw new Error("The device store is locked.");
  return u;
}

export async function listEntries(): Promise<OutboxEntry[]> {
  const { userId, dataKey } = key();
  const rows = await getOfflineDb().outbox.where("[userId+seq]").between([userId, -Infinity], [userId, Infinity]).toArray();
  return Promise.all(
    rows.map(async (r) => ({ id: r.id, seq: r.seq, state: r.state, doneAt: r.doneAt, ...(await open<Body>(dataKey, r.data, slot(r.id))) })),
  );
}

/** Counts need no key: the sync status shows them on the lock screen too. */
export async function countPending(userId: string): Promise<{ waiting: number; attention: number }> {
  const db = getOfflineDb();
  const [waiting, sending, attention] = await Promise.all(
    (["waiting", "sending", "attention"] as const).map((s) => db.outbox.where("[userId+state]").equals([userId, s]).count()),
  );
  return { waiting: waiting! + sending!, attention: attention! };
}

/** A write done on the tablet: stored at once (encrypted), sent by sync.ts. */
export async function enqueue<K extends MutationKind>(kind: K, payload: MutationPayloads[K], note: EntryNote, basedOn?: string): Promise<string> {
  const { userId, dataKey } = key();
  const db = getOfflineDb();
  const id = newId();
  // basedOn: an earlier write of this outbox on the same record; the server takes the version it produced
  const mutation = { id, kind, payload, createdAt: new Date().toISOString(), ...(basedOn ? { basedOn } : {}) } as OutboxMutation;
  const data = await seal(dataKey, { mutation, note } satisfies Body, slot(id));
  await db.transaction("rw", db.outbox, async () => {
    const last = await db.outbox.where("[userId+seq]").between([userId, -Infinity], [userId, Infinity]).last();
    await db.outbox.add({ id, userId, seq: (last?.seq ?? 0) + 1, state: "waiting", doneAt: null, data });
  });
  return id;
}

/**
 * Replace what a write carries: a draft typed further while it still waits (same id: the server has not
 * seen it), or a refused write the aide edited (a new id: a conflict or refusal is final for its id).
 * False when the write is already on its way; the caller then adds a new one.
 */
export async function rewrite(entry: OutboxEntry, payload: OutboxMutation["payload"], note = entry.note): Promise<boolean> {
  const { dataKey } = key();
  const db = getOfflineDb();
  const answered = entry.state === "attention";
  const id = answered ? newId() : entry.id;
  const mutation = { ...entry.mutation, id, payload } as OutboxMutation;
  const data = await seal(dataKey, { mutation, note } satisfies Body, slot(id));
  return db.transaction("rw", db.outbox, async () => {
    const row = await db.outbox.get(entry.id);
    if (!row || (row.state !== "waiting" && row.state !== "attention")) return false;
    if (answered) await db.outbox.delete(entry.id);
    await db.outbox.put({ ...row, id, state: "waiting", data });
    return true;
  });
}

/** Take the next batch to send: marked "sending" in the same transaction, so a rewrite cannot slip in. */
export async function claimForSending(limit: number): Promise<OutboxEntry[]> {
  const { userId } = key();
  const db = getOfflineDb();
  const ids = await db.transaction("rw", db.outbox, async () => {
    const rows = (await db.outbox.where("[userId+seq]").between([userId, -Infinity], [userId, Infinity]).toArray())
      .filter((r) => r.state === "waiting" || r.state === "sending")
      .slice(0, limit);
    for (const r of rows) if (r.state !== "sending") await db.outbox.update(r.id, { state: "sending" });
    return new Set(rows.map((r) => r.id));
  });
  return (await listEntries()).filter((e) => ids.has(e.id));
}

export async function setStates(changes: { id: string; state: OutboxState; result?: Body["result"] }[]): Promise<void> {
  const { dataKey } = key();
  const db = getOfflineDb();
  const now = Date.now();
  // crypto first: an IndexedDB transaction cannot wait for WebCrypto without committing early
  const sealed = new Map<string, OutboxRecord["data"]>();
  for (const c of changes) {
    if (!c.result) continue;
    const row = await db.outbox.get(c.id);
    if (!row) continue;
    const body = await open<Body>(dataKey, row.data, slot(row.id));
    sealed.set(c.id, await seal(dataKey, { ...body, result: c.result }, slot(row.id)));
  }
  await db.transaction("rw", db.outbox, async () => {
    for (const c of changes) {
      const row = await db.outbox.get(c.id);
      if (!row) continue;
      await db.outbox.put({ ...row, state: c.state, doneAt: c.state === "done" ? now : row.doneAt, data: sealed.get(c.id) ?? row.data });
    }
  });
}

/** Discard a write the aide chose to drop (after a confirmation). */
export async function discard(id: string): Promise<void> {
  await getOfflineDb().outbox.delete(id);
}

/** Delivered writes whose effect a pull made after their delivery already shows. */
export async function pruneDone(pulledAt: number): Promise<void> {
  const { userId } = key();
  const db = getOfflineDb();
  const done = await db.outbox.where("[userId+state]").equals([userId, "done"]).toArray();
  await db.outbox.bulkDelete(done.filter((r) => (r.doneAt ?? 0) <= pulledAt).map((r) => r.id));
}
