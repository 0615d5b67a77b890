"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { OutboxEntry } from "@/lib/offline/outbox";
import { useOffline } from "./offline-provider";
import { ServerNowLines } from "./server-now";
import { TabletLink } from "./tablet-link";
import { T } from "./strings";

/** What the aide entered, in words: kept beside the server's message until she resends or discards it. */
function entered(e: OutboxEntry): [string, string][] {
  const m = e.mutation;
  const out: [string, string][] = [];
  const add = (label: string, v: unknown) => {
    if (typeof v === "string" && v.trim()) out.push([label, v]);
  };
  switch (m.kind) {
    case "observation.submit":
    case "observation.save_draft":
      add("Accomplishments", m.payload.accomplishments);
      add("Comfort and physical needs attended", m.payload.comfortAndNeeds);
      add("Other notes", m.payload.note);
      for (const t of m.payload.tasks ?? []) add("Task note", t.note);
      break;
    case "concern.raise":
      add("Concern", m.payload.kind);
      add("Description", m.payload.text);
      break;
    case "attendance.record":
      add("Attendance", m.payload.attendance);
      add("Arrival time", m.payload.arrivalTime);
      break;
    case "supply.move":
      add("Quantity", String(m.payload.quantity));
      add("Note", m.payload.note);
      break;
    case "room_prep.set_note":
      add("Note", m.payload.note);
      break;
    case "report.submit":
      add("Narrative", m.payload.narrative);
      break;
    case "verbal_report.log":
      add("Summary", m.payload.summary);
      break;
    default:
      break;
  }
  return out;
}

export function AttentionList() {
  const { view, api, refresh, sendNow } = useOffline();
  const [confirming, setConfirming] = useState<string | null>(null);
  if (!view?.attention.length || !api) return null;
  return (
    <section id="attention" aria-labelledby="attention-title" className="space-y-3 rounded-lg border-2 border-danger bg-danger-soft p-4">
      <h2 id="attention-title" className="text-xl font-semibold text-danger">
        {T.attention.title}
      </h2>
      <p>{T.attention.intro}</p>
      <ul className="space-y-3">
        {view.attention.map((e) => (
          <li key={e.id} className="space-y-2 rounded-lg bg-surface p-3" data-testid="attention-item">
            <p className="font-semibold">{e.note.label}</p>
            <p>
              <span className="font-semibold">{T.attention.serverSaid} </span>
              {e.result?.message}
            </p>
            <ServerNowLines now={e.serverNow} />
            {entered(e).length ? (
              <dl className="space-y-1">
                <dt className="sr-only">{T.attention.entered}</dt>
                {entered(e).map(([k, v], i) => (
                  <dd key={i} className="whitespace-pre-wrap">
                    <span className="text-muted-foreground">{k}: </span>
                    {v}
                  </dd>
                ))}
              </dl>
            ) : null}
            {confirming === e.id ? (
              <div role="group" aria-label={T.attention.confirmDiscard} className="flex flex-wrap items-center gap-3">
                <span className="font-semibold">{T.attention.confirmDiscard}</span>
                <Button
                  type="button"
                  variant="danger"
                  onClick={() =>
                    void Promise.all(e.group.map((id) => api.discard(id))).then(async () => {
                      setConfirming(null);
                      await refresh();
                    })
                  }
                >
                  {T.attention.yesDiscard}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
                  {T.attention.keep}
                </Button>
              </div>
            ) : (
              <div className="flex flex-wrap gap-3">
                {e.note.appointmentId && e.mutation.kind.startsWith("observation.") ? (
                  <a href={`/sessions/${e.note.appointmentId}`} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
                    {T.attention.edit}
                  </a>
                ) : e.mutation.kind === "report.submit" ? (
                  <TabletLink href={`/reports/write?entry=${e.id}`} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
                    {T.attention.edit}
                  </TabletLink>
                ) : null}
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() =>
                    void Promise.all(e.group.filter((id) => id !== e.id).map((id) => api.discard(id)))
                      .then(() => api.rewrite(e, e.mutation.payload))
                      .then(async () => {
                      await refresh();
                      await sendNow();
                    })
                  }
                >
                  {T.attention.resend}
                </Button>
                <Button type="button" variant="ghost" onClick={() => setConfirming(e.id)}>
                  {T.attention.discard}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
