"use client";

import type { ReactNode } from "react";
import type { SyncState } from "./use-draft-sync";

export function SectionCard({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4 rounded-lg border border-border bg-surface p-4 shadow-sm sm:p-5">
      <h2 id={`${id}-title`} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

const time = (iso: string) => new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" }).format(new Date(iso));

/** Where the assistant's work is right now, announced politely. */
export function SyncStatus({ state }: { state: SyncState }) {
  const text: Record<SyncState["kind"], string> = {
    idle: "",
    pending: "Saved on this tablet…",
    saving: "Saving draft…",
    saved: state.kind === "saved" ? `Draft saved ${time(state.at)}` : "",
    local: "Saved on this tablet. Finish the open fields to save the draft to the server.",
    offline: "No connection: your work is kept on this tablet and saves when the Wi-Fi is back.",
    error: state.kind === "error" ? state.text : "",
  };
  return (
    <p role="status" data-testid="draft-status" className={state.kind === "error" ? "font-semibold text-danger" : "text-muted-foreground"}>
      {text[state.kind]}
    </p>
  );
}
