"use client";

import { AlertOctagon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ComponentProps } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import type { CONCERN_KINDS } from "@/lib/reports/concern-kinds";
import type { ConcernInput } from "@/lib/reports/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Kind = keyof typeof CONCERN_KINDS;
const ONE_TAP: Kind[] = ["pain", "fall", "condition_change", "behavior_change", "other"];
const MAX_TEXT = 2000;

/**
 * Urgent concern in one tap. Each tap carries a UUID made here, kept until the server confirms, so a
 * retry after a dropped connection or a double tap makes one concern. `onRaise` is the server action
 * (app/(clinic)/concerns/actions.ts#raiseConcernAction), passed in because components do not import app/.
 */
export function RaiseConcern({
  patientId,
  appointmentId,
  therapistName,
  onRaise,
}: {
  patientId: string;
  appointmentId?: string;
  therapistName: string;
  /** `queued`: kept on the tablet's outbox, not delivered yet (offline) */
  onRaise: (input: ConcernInput) => Promise<ActionResult<{ id: string; queued?: boolean }>>;
}) {
  // Disabled until hydrated, so an early tap waits for a working button instead of being lost.
  const hydrated = useHydrated();
  const ids = useRef(new Map<Kind, string>());
  const [pending, setPending] = useState<Kind | null>(null);
  const [status, setStatus] = useFormStatus();
  const [text, setText] = useState("");
  const textId = `concern-text-${patientId}`;
  const t = useTranslations("raiseConcern");
  const kinds = useTranslations("concernKinds");
  const locale = useLocale();
  const button = (k: Kind) => t("report", { kind: kinds(k).toLocaleLowerCase(locale) });

  async function raise(kind: Kind) {
    if (pending) return;
    if (kind === "other" && text.trim().length < 3) {
      setStatus({ tone: "danger", text: t("describeFirst", { button: button("other") }) });
      document.getElementById(textId)?.focus();
      return;
    }
    const id = ids.current.get(kind) ?? crypto.randomUUID();
    ids.current.set(kind, id);
    setPending(kind);
    setStatus(null);
    try {
      const res = await onRaise({ id, patientId, appointmentId: appointmentId ?? "", kind, text: text.trim() });
      if (res.ok) {
        ids.current.delete(kind);
        setText("");
        setStatus(
          res.data.queued
            ? { tone: "success", text: t("kept", { kind: kinds(kind), therapist: therapistName }) }
            : { tone: "success", text: t("sent", { kind: kinds(kind), therapist: therapistName }) },
        );
      } else setStatus({ tone: "danger", text: res.message });
    } catch {
      setStatus({ tone: "danger", text: t("unreachable") });
    } finally {
      setPending(null);
    }
  }

  return (
    <section aria-labelledby={`concern-${patientId}`} className="space-y-3 rounded-lg border-2 border-danger p-4">
      <h2 id={`concern-${patientId}`} className="flex items-center gap-2 text-xl font-semibold text-danger">
        <AlertOctagon aria-hidden className="h-6 w-6" /> {t("title")}
      </h2>
      <p className="text-muted-foreground">{t("intro", { therapist: therapistName })}</p>
      <div className="space-y-1">
        <Label htmlFor={textId}>{t("textLabel")}</Label>
        <Textarea id={textId} value={text} maxLength={MAX_TEXT} rows={2} onChange={(e) => setText(e.target.value)} className="min-h-16" />
      </div>
      <div className="flex flex-wrap gap-3">
        {ONE_TAP.map((k) => (
          <Button key={k} type="button" variant="danger" size="lg" disabled={pending !== null || !hydrated} onClick={() => raise(k)}>
            {pending === k ? t("sending") : button(k)}
          </Button>
        ))}
      </div>
      <FormMessage status={status} />
    </section>
  );
}

/**
 * The concern buttons behind a disclosure, rendered the first time it opens and kept from then on (a
 * pending tap and its message survive closing it). Today shows one per appointment, so rendering the
 * buttons up front made every Today page ~20 kB larger and slower to render and hydrate.
 */
export function ConcernDisclosure({ patientName, ...props }: ComponentProps<typeof RaiseConcern> & { patientName: string }) {
  const details = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  const t = useTranslations("raiseConcern");
  useEffect(() => {
    // opened before hydration: the native toggle happened without us
    if (details.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={details} className="group rounded-lg border border-danger/40" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-4 font-semibold text-danger">{t("disclosure", { name: patientName })}</summary>
      <div className="px-4 pb-4">{opened ? <RaiseConcern {...props} /> : null}</div>
    </details>
  );
}
