"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { FieldError, FormMessage, type FormStatus } from "@/components/forms/form-message";
import { useTranslate, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { localizeText } from "@/lib/i18n/message-ref";
import { newId } from "@/lib/offline/ids";
import type { TabletView } from "@/lib/offline/view";
import { addDays, formatDayRange } from "@/lib/time";
import { useOffline } from "./offline-provider";
import { ReportPreview } from "./report-preview";

type Values = { patientId: string; periodStart: string; periodEnd: string; narrative: string };
const FIELDS = ["patientId", "periodStart", "periodEnd", "narrative"] as const;

/** The assistant's progress report on the tablet: the same fields and schema as the server's, queued in the outbox. */
export function ReportScreen() {
  const { view } = useOffline();
  const t = useTranslations("tablet.report");
  if (!view) return null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <Card>{view.patients.length ? <ReportForm view={view} /> : <p className="text-muted-foreground">{t("noPatients")}</p>}</Card>
      <Written view={view} />
      <Link href="/reports" prefetch={false} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
        {t("all")}
      </Link>
    </div>
  );
}

function initial(view: TabletView): { values: Values; replaces: string[] } {
  const q = new URLSearchParams(window.location.search);
  // a refused report comes back into the form ("Open to change it" in Needs your attention)
  const refused = view.attention.find((e) => e.id === q.get("entry") && e.mutation.kind === "report.submit");
  if (refused?.mutation.kind === "report.submit") {
    const p = refused.mutation.payload;
    return { values: { patientId: p.patientId, periodStart: p.periodStart, periodEnd: p.periodEnd, narrative: p.narrative }, replaces: refused.group };
  }
  const asked = q.get("patient");
  const patientId = view.patients.some((p) => p.id === asked) ? asked! : (view.patients[0]?.id ?? "");
  return { values: { patientId, periodStart: addDays(view.days.today, -13), periodEnd: view.days.today, narrative: "" }, replaces: [] };
}

function ReportForm({ view }: { view: TabletView }) {
  const { writeAndSend, api, refresh } = useOffline();
  const t = useTranslations("tablet.report");
  const tr = useTranslate();
  const router = useRouter();
  const [start] = useState(() => initial(view));
  const replaces = useRef(start.replaces);
  // one id per report: a retried send is one report
  const [id, setId] = useState(newId);
  const [values, setValues] = useState<Values>(start.values);
  const [errors, setErrors] = useState<Partial<Record<(typeof FIELDS)[number], string>>>({});
  const [status, setStatus] = useState<FormStatus>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const name = view.patients.find((p) => p.id === values.patientId)?.displayName ?? "";

  async function submit(e: FormEvent) {
    e.preventDefault();
    setStatus(null);
    const input = { id, ...values };
    const { progressReportSchema } = await import("@/lib/reports/schemas");
    const parsed = progressReportSchema.safeParse(input, zodIntlParams);
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const k = issue.path[0] as (typeof FIELDS)[number];
        if (FIELDS.includes(k)) next[k] ??= localizeText(tr, issue.message);
      }
      setErrors(next);
      setStatus({ tone: "danger", text: t("fix") });
      const first = FIELDS.find((k) => next[k]);
      if (first) document.getElementById(`report-${first}`)?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const d = await writeAndSend("report.submit", input, { label: t("label", { name }) });
      if (api && replaces.current.length) {
        for (const old of replaces.current) await api.discard(old);
        replaces.current = [];
        await refresh();
      }
      if (d.state === "attention") {
        for (const [k, msgs] of Object.entries(d.fieldErrors ?? {})) if (FIELDS.includes(k as never)) setErrors((x) => ({ ...x, [k]: msgs[0] }));
        return setStatus({ tone: "danger", text: d.message });
      }
      // delivered: the server compiled the figures from the full record; its page shows them
      if (d.state === "done") return router.push(`/reports/${id}`);
      setStatus({ tone: "success", text: t("kept", { name }) });
      setId(newId());
      setValues((v) => ({ ...v, narrative: "" }));
    } finally {
      setBusy(false);
    }
  }

  const field = (k: (typeof FIELDS)[number]) => ({
    id: `report-${k}`,
    "aria-invalid": errors[k] ? true : undefined,
    "aria-describedby": `report-${k}-error${k === "narrative" ? " report-narrative-hint" : ""}`,
  });
  return (
    <form aria-label={t("form")} className="space-y-4" noValidate onSubmit={(e) => void submit(e)}>
      <div className="space-y-1">
        <Label htmlFor="report-patientId">{t("patient")}</Label>
        <Select {...field("patientId")} value={values.patientId} onChange={set("patientId")}>
          {view.patients.map((p) => (
            <option key={p.id} value={p.id}>
              {p.displayName}
            </option>
          ))}
        </Select>
        <FieldError id="report-patientId-error" message={errors.patientId} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <Label htmlFor="report-periodStart">{t("from")}</Label>
          <Input type="date" {...field("periodStart")} value={values.periodStart} onChange={set("periodStart")} />
          <FieldError id="report-periodStart-error" message={errors.periodStart} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="report-periodEnd">{t("to")}</Label>
          <Input type="date" {...field("periodEnd")} value={values.periodEnd} onChange={set("periodEnd")} />
          <FieldError id="report-periodEnd-error" message={errors.periodEnd} />
        </div>
      </div>
      <ReportPreview view={view} patientId={values.patientId} from={values.periodStart} to={values.periodEnd} />
      <div className="space-y-1">
        <Label htmlFor="report-narrative">{t("narrative")}</Label>
        <p id="report-narrative-hint" className="text-sm text-muted-foreground">
          {t("hint")}
        </p>
        <Textarea rows={6} {...field("narrative")} value={values.narrative} onChange={set("narrative")} />
        <FieldError id="report-narrative-error" message={errors.narrative} />
      </div>
      <FormMessage status={status} />
      <Button type="submit" size="lg" disabled={busy}>
        {busy ? t("sending") : t("send")}
      </Button>
    </form>
  );
}

function Written({ view }: { view: TabletView }) {
  const t = useTranslations("tablet.report");
  const locale = useLocale();
  if (!view.reports.length) return null;
  return (
    <section aria-labelledby="written-title" className="space-y-2">
      <h2 id="written-title" className="text-xl font-semibold">
        {t("written")}
      </h2>
      <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
        {view.reports.map((r) => (
          <li key={r.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
            <span className="flex-1 font-semibold">{t("item", { name: view.patients.find((p) => p.id === r.patientId)?.displayName ?? "", period: formatDayRange(r.periodStart, r.periodEnd, locale) })}</span>
            <Badge tone={r.pending === "waiting" ? "warning" : "success"}>{r.pending === "waiting" ? t("waiting") : t("sent")}</Badge>
            {r.pending === "sent" ? (
              <Link href={`/reports/${r.id}`} prefetch={false} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
                {t("open")}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
