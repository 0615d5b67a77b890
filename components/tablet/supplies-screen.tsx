"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { FieldError, FormMessage, type FormStatus } from "@/components/forms/form-message";
import { useTranslate, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { localizeText } from "@/lib/i18n/message-ref";
import { newId } from "@/lib/offline/ids";
import type { ViewSupply } from "@/lib/offline/view";
import { formatClinicTime } from "@/lib/time";
import { useOffline } from "./offline-provider";

/** Supplies use and restock from the device store, through the outbox; low stock shown per supply. */
export function SuppliesScreen() {
  const { view } = useOffline();
  const t = useTranslations("tablet.supplies");
  if (!view) return null;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted-foreground">{t("intro")}</p>
      </div>
      <section aria-labelledby="stock-title" className="space-y-3">
        <h2 id="stock-title" className="text-xl font-semibold">
          {t("stock")}
        </h2>
        {view.supplies.length === 0 ? <p className="text-muted-foreground">{t("none")}</p> : null}
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label={t("list")}>
          {view.supplies.map((s) => (
            <li key={s.id} className="space-y-3 px-4 py-4" aria-labelledby={`supply-${s.id}`}>
              <div className="flex flex-wrap items-center gap-3">
                <h3 id={`supply-${s.id}`} className="flex-1 text-lg font-semibold">
                  {s.name}
                </h3>
                <span className="text-lg" data-testid={`on-hand-${s.id}`}>
                  {t("onHand", { count: s.onHand, unit: s.unit })}
                </span>
                {s.low ? <Badge tone="warning">{t("low", { level: s.reorderLevel })}</Badge> : null}
                {s.pending === "waiting" ? <Badge tone="warning">{t("waiting")}</Badge> : null}
              </div>
              <MovementForm supply={s} />
              <Recent supply={s} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function Recent({ supply }: { supply: ViewSupply }) {
  const { view } = useOffline();
  const t = useTranslations("tablet.supplies");
  const locale = useLocale();
  const mine = view?.supplyMovements.filter((m) => m.supplyId === supply.id) ?? [];
  if (!mine.length || !view) return null;
  return (
    <ul className="space-y-1" aria-label={t("recent", { name: supply.name })}>
      {mine.map((m) => (
        <li key={m.id} className="flex flex-wrap items-center gap-2 text-muted-foreground">
          {t("movement", { kind: m.kind, quantity: m.quantity, unit: supply.unit, time: formatClinicTime(new Date(m.at), view.clinic.timeZone, locale) })}
          {m.note ? ` · ${m.note}` : ""}
          <Badge tone={m.pending === "waiting" ? "warning" : "success"}>{m.pending === "waiting" ? t("waiting") : t("sent")}</Badge>
        </li>
      ))}
    </ul>
  );
}

function MovementForm({ supply }: { supply: ViewSupply }) {
  const { writeAndSend } = useOffline();
  const t = useTranslations("tablet.supplies");
  const tr = useTranslate();
  // one id per intended movement: a retried tap of the same one is recorded once
  const [id, setId] = useState(newId);
  const [quantity, setQuantity] = useState("1");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<FormStatus>(null);
  const [busy, setBusy] = useState(false);
  const p = `mv-${supply.id}`;

  async function submit(kind: "use" | "restock") {
    setStatus(null);
    const input = { id, supplyId: supply.id, kind, quantity, note };
    // the server's own schema, loaded when first needed (zod stays out of the first load)
    const { supplyMovementSchema } = await import("@/lib/supplies/schemas");
    const parsed = supplyMovementSchema.safeParse(input, zodIntlParams);
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0] ?? "_")] ??= localizeText(tr, issue.message);
      setErrors(next);
      document.getElementById(next.quantity ? `${p}-qty` : `${p}-note`)?.focus();
      return;
    }
    setErrors({});
    const q = parsed.data.quantity;
    if (kind === "use" && q > supply.onHand) return setStatus({ tone: "danger", text: t("tooMany", { onHand: supply.onHand, unit: supply.unit, name: supply.name, quantity: q }) });
    setBusy(true);
    try {
      const d = await writeAndSend("supply.move", input, { label: t("label", { kind, quantity: q, unit: supply.unit, name: supply.name }) });
      if (d.state === "attention") return setStatus({ tone: "danger", text: d.message });
      const onHand = supply.onHand + (kind === "use" ? -q : q);
      setStatus({ tone: "success", text: d.state === "done" ? t("done", { kind, onHand, unit: supply.unit }) : t("kept", { kind, quantity: q, unit: supply.unit }) });
      setId(newId());
      setQuantity("1");
      setNote("");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="space-y-2" aria-label={t("form", { name: supply.name })} noValidate onSubmit={(e) => e.preventDefault()}>
      <FormMessage status={status} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-28 space-y-1">
          <Label htmlFor={`${p}-qty`}>{t("quantity")}</Label>
          <Input id={`${p}-qty`} inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} aria-invalid={errors.quantity ? true : undefined} aria-describedby={`${p}-qty-error`} />
        </div>
        <div className="min-w-48 flex-1 space-y-1">
          <Label htmlFor={`${p}-note`}>{t("note")}</Label>
          <Input id={`${p}-note`} value={note} onChange={(e) => setNote(e.target.value)} aria-invalid={errors.note ? true : undefined} aria-describedby={`${p}-note-hint ${p}-note-error`} />
        </div>
        <Button type="button" disabled={busy} onClick={() => void submit("use")}>
          {t("use")}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void submit("restock")}>
          {t("restock")}
        </Button>
      </div>
      <p id={`${p}-note-hint`} className="text-sm text-muted-foreground">
        {t("noteHint")}
      </p>
      <FieldError id={`${p}-qty-error`} message={errors.quantity} />
      <FieldError id={`${p}-note-error`} message={errors.note} />
    </form>
  );
}
