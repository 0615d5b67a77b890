"use client";

import { AlertOctagon } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { newId } from "@/lib/offline/ids";
import { CONCERN_KINDS, type ConcernKind } from "@/lib/reports/concern-kinds";
import { useOffline } from "./offline-provider";
import { T } from "./strings";

const C = T.concern;

/** Urgent concern through the outbox: one tap (with an optional description) and it is on its way. */
export function ConcernForm({ patientId, appointmentId, therapistLabel }: { patientId: string; appointmentId: string; therapistLabel: string }) {
  const { write, view } = useOffline();
  const [text, setText] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const mine = view?.concerns.filter((c) => c.appointmentId === appointmentId) ?? [];
  async function raise(kind: ConcernKind) {
    const id = newId();
    await write("concern.raise", { id, patientId, appointmentId, kind, text }, { label: `${C.title}: ${CONCERN_KINDS[kind]}`, appointmentId });
    setText("");
    setDone(C.raised(CONCERN_KINDS[kind], therapistLabel));
  }
  const fieldId = `concern-text-${appointmentId}`;
  return (
    <section aria-labelledby={`concern-${appointmentId}`} className="space-y-3 rounded-lg border-2 border-danger p-4">
      <h2 id={`concern-${appointmentId}`} className="flex items-center gap-2 text-xl font-semibold text-danger">
        <AlertOctagon aria-hidden className="h-6 w-6" /> {C.title}
      </h2>
      <p className="text-muted-foreground">{C.intro(therapistLabel)}</p>
      <div className="space-y-1">
        <Label htmlFor={fieldId}>{C.describe}</Label>
        <Textarea id={fieldId} rows={2} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="flex flex-wrap gap-3">
        {(Object.keys(CONCERN_KINDS) as ConcernKind[]).map((k) => (
          <Button key={k} type="button" variant="danger" size="lg" onClick={() => void raise(k)}>
            {C.raise(CONCERN_KINDS[k])}
          </Button>
        ))}
      </div>
      <div aria-live="polite" className="flex flex-wrap items-center gap-2">
        {done ? <span className="font-semibold text-success">{done}</span> : null}
        {mine.some((c) => c.pending === "waiting") ? <Badge tone="warning">{T.today.waitingToSend}</Badge> : null}
      </div>
    </section>
  );
}

export function ConcernDetails(props: { patientId: string; appointmentId: string; therapistLabel: string; patientName: string }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className="group rounded-lg border border-danger/40" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-4 font-semibold text-danger">{C.disclosure(props.patientName)}</summary>
      <div className="px-4 pb-4">{opened ? <ConcernForm {...props} /> : null}</div>
    </details>
  );
}
