import { OUTBOX_MAX_BATCH, OUTBOX_PATH, WORKING_SET_PATH, type OutboxRequest, type OutboxResponse, type WorkingSet } from "./protocol";
import { claimForSending, pruneDone, setStates } from "./outbox";
import { etagOf, saveWorkingSet, touchWorkingSet } from "./working-set-store";
import { markNeedsSignIn, unlocked } from "./vault";

export type SyncOutcome = "ok" | "offline" | "unauthenticated" | "forbidden" | "locked";

const listeners = new Set<() => void>();
/** The pages re-read the store when anything changed (a write, a delivery, a pull). */
export function onStoreChange(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
export function notify(): void {
  for (const fn of listeners) fn();
}

let running: Promise<SyncOutcome> | null = null;
let again = false;

/** Send the outbox, then pull the working set. One run at a time per tab, one at a time across tabs. */
export function syncNow(): Promise<SyncOutcome> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let outcome: SyncOutcome;
    do {
      again = false;
      outcome = await withLock(runOnce);
    } while (again && outcome === "ok");
    return outcome;
  })().finally(() => {
    running = null;
  });
  return running;
}

async function withLock(fn: () => Promise<SyncOutcome>): Promise<SyncOutcome> {
  if (typeof navigator !== "undefined" && navigator.locks) return navigator.locks.request("theratrack-sync", fn);
  return fn();
}

async function runOnce(): Promise<SyncOutcome> {
  const u = unlocked();
  if (!u) return "locked";
  const sent = await sendOutbox(u.userId);
  if (sent !== "ok") return sent;
  return pull(u.userId);
}

async function sendOutbox(userId: string): Promise<SyncOutcome> {
  for (;;) {
    const entries = await claimForSending(OUTBOX_MAX_BATCH);
    if (!entries.length) return "ok";
    notify();
    let res: Response;
    try {
      res = await fetch(OUTBOX_PATH, {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json" },
        // whose outbox this is: the server refuses (409) to apply it as anyone else's
        body: JSON.stringify({ mutations: entries.map((e) => e.mutation), userId } satisfies OutboxRequest),
      });
    } catch {
      await setStates(entries.map((e) => ({ id: e.id, state: "waiting" })));
      notify();
      return "offline";
    }
    if (res.status === 401 || res.status === 409) {
      // the session ended while offline (or another user is signed in): keep everything, ask for a sign-in, send it as hers afterwards
      await setStates(entries.map((e) => ({ id: e.id, state: "waiting" })));
      await markNeedsSignIn(userId);
      notify();
      return "unauthenticated";
    }
    if (!res.ok) {
      await setStates(entries.map((e) => ({ id: e.id, state: "waiting" })));
      notify();
      return res.status === 403 ? "forbidden" : "offline";
    }
    const body = (await res.json()) as OutboxResponse;
    const byId = new Map(body.results.map((r) => [r.id, r]));
    let retry = false;
    await setStates(
      entries.map((e) => {
        const r = byId.get(e.id);
        if (!r || r.outcome === "retry") {
          retry = true;
          return { id: e.id, state: "waiting" as const };
        }
        if (r.outcome === "applied" || r.outcome === "duplicate") {
          const first = r.outcome === "duplicate" ? r.firstOutcome : "applied";
          if (first === "applied" || first === undefined) return { id: e.id, state: "done" as const };
        }
        return { id: e.id, state: "attention" as const, result: { outcome: r.outcome, code: r.code, message: r.message, fieldErrors: r.fieldErrors } };
      }),
    );
    notify();
    if (retry) return "offline";
  }
}

async function pull(userId: string): Promise<SyncOutcome> {
  const started = Date.now();
  const etag = await etagOf();
  let res: Response;
  try {
    res = await fetch(WORKING_SET_PATH, { credentials: "same-origin", cache: "no-store", headers: etag ? { "if-none-match": `"${etag}"` } : {} });
  } catch {
    return "offline";
  }
  if (res.status === 401) {
    await markNeedsSignIn(userId);
    notify();
    return "unauthenticated";
  }
  if (res.status === 403) return "forbidden";
  if (res.status === 304) await touchWorkingSet();
  else if (res.ok) {
    const ws = (await res.json()) as WorkingSet;
    await saveWorkingSet(ws, ws.etag);
  } else return "offline";
  await pruneDone(started);
  notify();
  return "ok";
}
