"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { newId } from "@/lib/offline/ids";
import type { ViewObservation } from "@/lib/offline/view";
import type { ObservationFormValues } from "@/lib/observations/schemas";
import { useOffline } from "./offline-provider";

const SEND_AFTER_MS = 1500;
type ContentSchema = typeof import("@/lib/observations/schemas").observationContentSchema;

/**
 * The observation's drafts through the outbox. Every change is stored on the tablet at once (encrypted)
 * as one "observation.save_draft" write, updated in place while it waits, so an hour offline is one
 * draft to send, not hundreds; sending waits for a pause in typing. Submit is one more write after it,
 * based on the version the draft will produce.
 */
export function useOutboxDraft(appointmentId: string, obs: ViewObservation | undefined, label: string) {
  const { api, write, refresh } = useOffline();
  const [entryId] = useState(() => obs?.id ?? newId());
  const [keptAt, setKeptAt] = useState<string | null>(null);
  const schema = useRef<ContentSchema | null>(null);
  const latest = useRef<ObservationFormValues | null>(null);
  const storing = useRef<Promise<void> | null>(null);
  const sendTimer = useRef<number | undefined>(undefined);
  const version = useRef(obs?.version ?? 0);
  useEffect(() => {
    version.current = obs?.version ?? 0;
  }, [obs?.version]);
  useEffect(() => {
    void import("@/lib/observations/schemas").then((m) => (schema.current = m.observationContentSchema));
  }, []);

  const storeOnce = useCallback(async () => {
    const values = latest.current;
    latest.current = null;
    if (!values || !api) return;
    const s = schema.current ?? (await import("@/lib/observations/schemas")).observationContentSchema;
    if (!s.safeParse(values).success) return;
    const waiting = (await api.listEntries()).find((e) => e.state === "waiting" && e.mutation.kind === "observation.save_draft" && e.mutation.payload.id === entryId);
    const rewritten = waiting?.mutation.kind === "observation.save_draft" && (await api.rewrite(waiting, { ...values, id: entryId, appointmentId, version: waiting.mutation.payload.version }));
    if (!rewritten) await api.enqueue("observation.save_draft", { ...values, id: entryId, appointmentId, version: version.current }, { label, appointmentId });
    await refresh();
    setKeptAt(new Date().toISOString());
    window.clearTimeout(sendTimer.current);
    sendTimer.current = window.setTimeout(() => void api.syncNow(), SEND_AFTER_MS);
  }, [api, appointmentId, entryId, label, refresh]);

  /** Stores the latest values; one store at a time, the last values always win. */
  const flush = useCallback(async (): Promise<void> => {
    while (storing.current) await storing.current;
    while (latest.current) {
      storing.current = storeOnce().finally(() => {
        storing.current = null;
      });
      await storing.current;
    }
  }, [storeOnce]);

  const onValuesChange = useCallback(
    (values: ObservationFormValues) => {
      latest.current = values;
      void flush();
    },
    [flush],
  );

  useEffect(() => () => window.clearTimeout(sendTimer.current), []);

  const submit = useCallback(
    async (values: ObservationFormValues) => {
      latest.current = null;
      while (storing.current) await storing.current;
      window.clearTimeout(sendTimer.current);
      await write("observation.submit", { ...values, id: entryId, appointmentId, version: version.current }, { label, appointmentId });
    },
    [appointmentId, entryId, label, write],
  );

  return { onValuesChange, submit, keptAt };
}
