"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { OutboxEntry } from "@/lib/offline/outbox";
import { useOffline } from "./offline-provider";
import { ServerNowLines } from "./server-now";
import { TabletLink } from "./tablet-link";

type Field = "accomplishments" | "comfortAndNeeds" | "note" | "taskNote" | "concern" | "description" | "attendance" | "arrivalTime" | "quantity" | "itemNote" | "narrative" | "summary";

/** What the aide entered, in words: kept beside the server's message until she resends or discards it. */
function entered(e: OutboxEntry): [Field, string][] {
  const m = e.mutation;
  const out: [Field, string][] = [];
  const add = (label: Field, v: unknown) => {
    if (typeof v === "string" && v.trim()) out.push([label, v]);
  };
  switch (m.kind) {
    case "observation.submit":
    case "observation.save_draft":
      add("accomplishments", m.payload.accomplishments);
      add("comfortAndNeeds", m.payload.comfortAndNeeds);
      add("note", m.payload.note);
      for (const t of m.payload.tasks ?? []) add("taskNote", t.note);
      break;
    case "concern.raise":
      add("concern", m.payload.kind);
      add("description", m.payload.text);
      break;
    case "attendance.record":
      add("attendance", m.payload.attendance);
      add("arrivalTime", m.payload.arrivalTime);
      break;
    case "supply.move":
      add("quantity", String(m.payload.quantity));
      add("itemNote", m.payload.note);
      break;
    case "room_prep.set_note":
      add("itemNote", m.payload.note);
      break;
    case "report.submit":
      add("narrative", m.payload.narrative);
      break;
    case "verbal_report.log":
      add("summary", m.payload.summary);
      break;
    default:
      break;
  }
  return out;
}

export function AttentionList() {
  const { view, api, refresh, sendNow } = useOffline();
  const [confirming, setConfirming] = useState<string | null>(null);
  const t = useTranslations("tablet.attention");
  const kinds = useTranslations("concernKinds");
  const attendance = useTranslations("attendance");
  // value lists (a concern's kind, an attendance) in words, the rest as typed
  const shown = (k: Field, v: string) =>
    k === "concern" && kinds.has(v as never) ? kinds(v as never) : k === "attendance" && attendance.has(v as never) ? attendance(v as never) : v;
  if (!view?.attention.length || !api) return null;
  return (
    <section id="attention" aria-labelledby="attention-title" className="space-y-3 rounded-lg border-2 border-danger bg-danger-soft p-4">
      <h2 id="attention-title" className="text-xl font-semibold text-danger">
        {t("title")}
      </h2>
      <p>{t("intro")}</p>
      <ul className="space-y-3">
        {view.attention.map((e) => (
          <li key={e.id} className="space-y-2 rounded-lg bg-surface p-3" data-testid="attention-item">
            <p className="font-semibold">{e.note.label}</p>
            <p>
              <span className="font-semibold">{t("serverSaid")} </span>
              {e.result?.message}
            </p>
            <ServerNowLines now={e.serverNow} />
            {entered(e).length ? (
              <dl className="space-y-1">
                <dt className="sr-only">{t("entered")}</dt>
                {entered(e).map(([k, v], i) => (
                  <dd key={i} className="whitespace-pre-wrap">
                    <span className="text-muted-foreground">{t(`fields.${k}`)}: </span>
                    {shown(k, v)}
                  </dd>
                ))}
              </dl>
            ) : null}
            {confirming === e.id ? (
              <div role="group" aria-label={t("confirmDiscard")} className="flex flex-wrap items-center gap-3">
                <span className="font-semibold">{t("confirmDiscard")}</span>
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
                  {t("yesDiscard")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
                  {t("keep")}
                </Button>
              </div>
            ) : (
              <div className="flex flex-wrap gap-3">
                {e.note.appointmentId && e.mutation.kind.startsWith("observation.") ? (
                  <a href={`/sessions/${e.note.appointmentId}`} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
                    {t("edit")}
                  </a>
                ) : e.mutation.kind === "report.submit" ? (
                  <TabletLink href={`/reports/write?entry=${e.id}`} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
                    {t("edit")}
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
                  {t("resend")}
                </Button>
                <Button type="button" variant="ghost" onClick={() => setConfirming(e.id)}>
                  {t("discard")}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
