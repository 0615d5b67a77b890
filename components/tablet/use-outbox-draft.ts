"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { newId } from "@/lib/offline/ids";
import type { ViewObservation } from "@/lib/offline/view";
import type { ObservationFormValues } from "@/lib/observations/schemas";
import { useOffline } from "./offline-provider";

const DEBOUNCE_MS = 800;

/**
 * The observation's drafts through the outbox: each pause in typing stores the values (encrypted) as one
 * "observation.save_draft" write, updated in place while it still waits, so an hour offline is one
 * draft to send, not hundreds. Submit is one more write after it, based on the version it will produce.
 */
export function useOutboxDraft(appointmentId: string, obs: ViewObservation | undefined, label: string) {
  const { api, write, refresh } = useOffline();
  const [entryId] = useState(() => obs?.id ?? newId());
  const [keptAt, setKeptAt] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef<ObservationFormValues | null>(null);
  const version = obs?.version ?? 0;

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    const values = latest.current;
    latest.current = null;
    if (!values || !api) return;
    const { observationContentSchema } = await import("@/lib/observations/schemas");
    if (!observationContentSchema.safeParse(values).success) return;
    const waiting = (await api.listEntries()).find((e) => e.state === "waiting" && e.mutation.kind === "observation.save_draft" && e.mutation.payload.id === entryId);
    if (waiting && waiting.mutation.kind === "observation.save_draft") {
      const ok = await api.rewrite(waiting, { ...values, id: entryId, appointmentId, version: waiting.mutation.payload.version });
      if (ok) {
        await refresh();
        setKeptAt(new Date().toISOString());
        return;
      }
    }
    await write("observation.save_draft", { ...values, id: entryId, appointmentId, version }, { label, appointmentId });
    setKeptAt(new Date().toISOString());
  }, [api, appointmentId, entryId, label, refresh, version, write]);

  const onValuesChange = useCallback(
    (values: ObservationFormValues) => {
      latest.current = values;
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => () => window.clearTimeout(timer.current), []);
  // a hidden page may be closed: keep what was typed
  useEffect(() => {
    const hide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", hide);
    return () => document.removeEventListener("visibilitychange", hide);
  }, [flush]);

  const submit = useCallback(
    async (values: ObservationFormValues) => {
      latest.current = null;
      window.clearTimeout(timer.current);
      await write("observation.submit", { ...values, id: entryId, appointmentId, version }, { label, appointmentId });
    },
    [appointmentId, entryId, label, version, write],
  );

  return { onValuesChange, submit, keptAt, flush };
}
