"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/action-result";
import { observationContentSchema, type ObservationContent, type ObservationFormValues, type ObservationInput, type ObservationSaveResult } from "@/lib/observations/schemas";
import { clearLocalDraft, newEntryId, readLocalDraft, restoreDecision, writeLocalDraft } from "./local-draft";

export type SyncState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "local" }
  | { kind: "offline" }
  | { kind: "error"; text: string };

const DEBOUNCE_MS = 1200;

/**
 * Keeps the assistant's work safe: every change goes to localStorage at once (a reload, a sleeping
 * tablet or dropped Wi-Fi loses nothing) and, debounced, to the server as a version-checked draft.
 * One server save at a time; a conflict stops autosave and says so.
 */
export function useDraftSync({
  appointmentId,
  entry,
  form,
  onSaveDraft,
}: {
  appointmentId: string;
  entry: { id: string; version: number } | null;
  form: UseFormReturn<ObservationFormValues, unknown, ObservationContent>;
  onSaveDraft: (input: ObservationInput) => Promise<ActionResult<ObservationSaveResult>>;
}) {
  const idRef = useRef<string | null>(entry?.id ?? null);
  const versionRef = useRef(entry?.version ?? 0);
  const timer = useRef<number | undefined>(undefined);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const paused = useRef(false);
  const pending = useRef(false);
  const [sync, setSync] = useState<SyncState>({ kind: "idle" });
  const [restored, setRestored] = useState<"local" | "discarded" | null>(null);

  const saveLocal = useCallback(() => {
    if (!idRef.current) return;
    writeLocalDraft(appointmentId, {
      id: idRef.current,
      version: versionRef.current,
      values: form.getValues(),
      at: new Date().toISOString(),
      pending: pending.current,
    });
  }, [appointmentId, form]);

  const syncNow = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (paused.current || !idRef.current) return;
    if (inFlight.current) {
      again.current = true; // save once more when this one is back
      return inFlight.current;
    }
    const run = (async () => {
      do {
        again.current = false;
        const values = form.getValues();
        if (!observationContentSchema.safeParse(values).success) {
          setSync({ kind: "local" });
          return;
        }
        setSync({ kind: "saving" });
        pending.current = true;
        saveLocal();
        try {
          const res = await onSaveDraft({ ...values, id: idRef.current!, appointmentId, version: versionRef.current });
          pending.current = false;
          if (!res.ok) {
            saveLocal();
            if (res.code === "CONFLICT") paused.current = true;
            setSync({ kind: "error", text: res.message });
            return;
          }
          versionRef.current = res.data.version;
          saveLocal();
          setSync({ kind: "saved", at: res.data.savedAt });
        } catch {
          setSync({ kind: "offline" });
          return;
        }
      } while (again.current && !paused.current);
    })();
    inFlight.current = run;
    try {
      await run;
    } finally {
      inFlight.current = null;
    }
  }, [appointmentId, form, onSaveDraft, saveLocal]);

  // On load: take back what this tablet kept, unless the server has a newer version of the entry.
  useEffect(() => {
    const stored = readLocalDraft(appointmentId);
    const serverVersion = entry?.version ?? 0;
    const decision = restoreDecision(stored, entry);
    let outcome: "local" | "discarded" | null = null;
    if (stored && decision === "local") {
      const base = form.getValues();
      form.reset({
        ...stored.values,
        tasks: base.tasks.map((t) => stored.values.tasks?.find((s) => s.delegationId === t.delegationId) ?? t),
        goals: base.goals.map((g) => stored.values.goals?.find((s) => s.goalId === g.goalId) ?? g),
      });
      idRef.current = stored.id;
      outcome = "local";
    } else if (decision === "discard") {
      clearLocalDraft(appointmentId);
      outcome = "discarded";
    }
    idRef.current ??= newEntryId();
    versionRef.current = serverVersion;
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        saveLocal();
        setSync((s) => (s.kind === "saved" || s.kind === "idle" ? { kind: "pending" } : s));
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => void syncNow(), DEBOUNCE_MS);
      },
    });
    const onOnline = () => void syncNow();
    window.addEventListener("online", onOnline);
    if (outcome) {
      queueMicrotask(() => setRestored(outcome));
      if (outcome === "local") void syncNow();
    }
    return () => {
      unsubscribe();
      window.clearTimeout(timer.current);
      window.removeEventListener("online", onOnline);
    };
    // once per mount: the entry the page was rendered with
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  /** Before submitting: stop autosave and let a save under way finish, so versions line up. */
  const pause = useCallback(async () => {
    paused.current = true;
    window.clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    return { id: idRef.current ?? newEntryId(), version: versionRef.current };
  }, []);
  const resume = useCallback(() => {
    paused.current = false;
  }, []);
  const submitted = useCallback(() => {
    paused.current = true;
    clearLocalDraft(appointmentId);
  }, [appointmentId]);

  return { sync, restored, pause, resume, submitted };
}
