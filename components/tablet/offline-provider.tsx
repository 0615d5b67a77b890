"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { EntryNote } from "@/lib/offline/outbox";
import type { MutationKind, MutationPayloads } from "@/lib/offline/protocol";
import type { TabletView } from "@/lib/offline/view";

type Api = typeof import("@/lib/offline/client");

export type Phase =
  | { kind: "loading" }
  | { kind: "ready" }
  | { kind: "no-data" }
  | { kind: "not-assistant" }
  | { kind: "locked"; reason: "idle" | "reopened" | "switched"; name: string; email: string; kept: number; lockedOut: boolean; needsSignIn: boolean };

type Ctx = {
  phase: Phase;
  view: TabletView | null;
  sending: boolean;
  needsSignIn: boolean;
  api: Api | null;
  /** `basedOn`: an earlier write of this outbox on the same record (the server chains the versions) */
  write: <K extends MutationKind>(kind: K, payload: MutationPayloads[K], note: EntryNote, basedOn?: string) => Promise<string>;
  /** A write, then one attempt to deliver it: what the server said, or "waiting" when it could not be reached. */
  writeAndSend: <K extends MutationKind>(kind: K, payload: MutationPayloads[K], note: EntryNote, basedOn?: string) => Promise<Delivery>;
  sendNow: () => Promise<void>;
  lockNow: () => void;
  setPhase: (p: Phase) => void;
  refresh: () => Promise<void>;
  /** drop the shown day from memory (a switch of aide: the next one must not see it) */
  forget: () => void;
};

export type Delivery = { state: "done" | "waiting" } | { state: "attention"; code?: string; message: string; fieldErrors?: Record<string, string[]> };

const OfflineContext = createContext<Ctx | null>(null);
const TIMER_MS = 30_000;

export function useOffline(): Ctx {
  const c = useContext(OfflineContext);
  if (!c) throw new Error("useOffline outside OfflineProvider");
  return c;
}

/** Opens the device store, keeps the view of the day current and sends the outbox whenever it can. */
export function OfflineProvider({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });
  const [view, setView] = useState<TabletView | null>(null);
  const [sending, setSending] = useState(false);
  const [needsSignIn, setNeedsSignIn] = useState(false);
  const [api, setApi] = useState<Api | null>(null);
  const apiRef = useRef<Api | null>(null);
  const router = useRouter();

  const refresh = useCallback(async () => {
    const a = apiRef.current;
    if (!a?.unlocked()) return;
    const [stored, entries, rec] = await Promise.all([a.loadWorkingSet(), a.listEntries(), a.lastUser()]);
    setNeedsSignIn(!!rec?.needsSignIn);
    if (!stored) {
      setView(null);
      setPhase((p) => (p.kind === "loading" || p.kind === "ready" ? { kind: navigator.onLine ? "loading" : "no-data" } : p));
      return;
    }
    setView(a.buildView(stored.ws, entries));
    setPhase((p) => (p.kind === "locked" ? p : { kind: "ready" }));
    if (rec && rec.name !== stored.ws.user.name) await a.setDisplayName(rec.userId, stored.ws.user.name);
  }, []);

  const sync = useCallback(async () => {
    const a = apiRef.current;
    if (!a?.unlocked()) return;
    setSending(true);
    try {
      const outcome = await a.syncNow();
      if (outcome === "forbidden") setPhase({ kind: "not-assistant" });
      if (outcome === "unauthenticated") await onSessionGone(a);
    } finally {
      setSending(false);
      await refresh();
    }
  }, [refresh]);

  useEffect(() => {
    let stop = false;
    void (async () => {
      const a = await import("@/lib/offline/client");
      if (stop) return;
      apiRef.current = a;
      setApi(a);
      const r = await a.unlockOnline();
      if (r.ok) {
        await refresh();
        await sync();
        return;
      }
      if (r.reason === "password-change") return router.replace("/account/password");
      if (r.reason === "forbidden") return setPhase({ kind: "not-assistant" });
      const rec = await a.lastUser();
      // a shared tablet with nobody signed in: its lock screen lists the aides enrolled here
      const shared = r.reason === "unauthenticated" && (await a.enrolledAides()).length > 0;
      const switchScreen = () => setPhase({ kind: "locked", reason: "switched", name: "", email: "", kept: 0, lockedOut: true, needsSignIn: false });
      if (!rec) {
        if (shared) return switchScreen();
        if (r.reason === "unauthenticated") router.replace(`/login?next=${encodeURIComponent(location.pathname)}`);
        else setPhase({ kind: "no-data" });
        return;
      }
      const kept = (await a.countPending(rec.userId)).waiting;
      // an enrolled aide's data stays here, locked under her key, for her next switch
      if (shared && (kept > 0 || (await a.isEnrolled(rec.userId)))) return switchScreen();
      if (r.reason === "unauthenticated" && kept === 0) {
        // the session was ended (sign-out elsewhere, revoked, deactivated) and nothing is left to send
        await a.wipeUser(rec.userId);
        if (shared) return switchScreen();
        router.replace(`/login?next=${encodeURIComponent(location.pathname)}`);
        return;
      }
      setPhase({ kind: "locked", reason: "reopened", name: rec.name, email: rec.email, kept, lockedOut: !rec.byPassword, needsSignIn: r.reason === "unauthenticated" });
    })();
    return () => {
      stop = true;
    };
  }, [refresh, sync, router]);

  useEffect(() => {
    const a = api;
    if (!a) return;
    const off = a.onStoreChange(() => void refresh());
    const goOnline = () => void sync();
    const visible = () => {
      if (document.visibilityState === "visible") void sync();
    };
    window.addEventListener("online", goOnline);
    document.addEventListener("visibilitychange", visible);
    const timer = window.setInterval(() => void sync(), TIMER_MS);
    return () => {
      off();
      window.removeEventListener("online", goOnline);
      document.removeEventListener("visibilitychange", visible);
      window.clearInterval(timer);
    };
  }, [api, refresh, sync]);

  const write = useCallback<Ctx["write"]>(
    async (kind, payload, note, basedOn) => {
      const a = apiRef.current;
      if (!a) throw new Error("The device store is not open yet.");
      const id = await a.enqueue(kind, payload, note, basedOn);
      await refresh();
      void sync();
      return id;
    },
    [refresh, sync],
  );

  const writeAndSend = useCallback<Ctx["writeAndSend"]>(
    async (kind, payload, note, basedOn) => {
      const a = apiRef.current;
      if (!a) throw new Error("The device store is not open yet.");
      const id = await a.enqueue(kind, payload, note, basedOn);
      await refresh();
      await sync();
      const e = (await a.listEntries()).find((x) => x.id === id);
      if (!e || e.state === "done") return { state: "done" };
      if (e.state === "attention") return { state: "attention", code: e.result?.code, message: e.result?.message ?? "", fieldErrors: e.result?.fieldErrors };
      return { state: "waiting" };
    },
    [refresh, sync],
  );

  const lockNow = useCallback(() => {
    const a = apiRef.current;
    if (!a) return;
    void a.lastUser().then(async (rec) => {
      a.lock();
      const kept = rec ? (await a.countPending(rec.userId)).waiting : 0;
      setPhase({ kind: "locked", reason: "idle", name: rec?.name ?? "", email: rec?.email ?? "", kept, lockedOut: !rec?.byPassword, needsSignIn: !!rec?.needsSignIn });
    });
  }, []);

  const forget = useCallback(() => setView(null), []);

  return (
    <OfflineContext.Provider value={{ phase, view, sending, needsSignIn, api, write, writeAndSend, sendNow: sync, lockNow, setPhase, refresh, forget }}>
      {children}
    </OfflineContext.Provider>
  );
}

/** 401 while sending or pulling: with nothing left to send, this user's data leaves the tablet. */
async function onSessionGone(a: Api): Promise<void> {
  const u = a.unlocked();
  if (!u) return;
  const { waiting } = await a.countPending(u.userId);
  if (waiting === 0) await a.dropWorkingSet(u.userId);
}
