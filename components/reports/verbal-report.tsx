"use client";

import { MessageSquareText } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import type { VerbalReportInput, VerbalReportResult } from "@/lib/reports/verbal-report-schemas";
import { formatClinicTime } from "@/lib/time";
import { useFormStatus } from "@/components/forms/use-form-status";

type Logged = { id: string; therapistLabel: string; reportedAt: string; summary: string };
/** minutes ago */
const WHEN = ["0", "5", "15", "30", "60"] as const;

/**
 * "I told the therapist" in two taps: open (to whom and when are filled in: this session's therapist,
 * just now), type one line, log. The id is made here and kept until the server confirms, so a retry
 * after a dropped connection logs one report. `onLog` is the server action, passed in.
 */
export function VerbalReport({
  appointmentId,
  therapists,
  timeZone,
  reports,
  onLog,
}: {
  appointmentId: string;
  therapists: { id: string; label: string }[];
  timeZone: string;
  reports: Logged[];
  onLog: (input: VerbalReportInput) => Promise<ActionResult<VerbalReportResult>>;
}) {
  const hydrated = useHydrated();
  const id = useRef<string | null>(null);
  const summaryRef = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState(therapists[0]?.id ?? "");
  const [ago, setAgo] = useState<string>("0");
  const [summary, setSummary] = useState("");
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useFormStatus();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [logged, setLogged] = useState<Logged[]>(reports);
  const t = useTranslations("tablet.verbalReport");
  const locale = useLocale();
  const time = (at: string) => formatClinicTime(new Date(at), timeZone, locale);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (pending) return;
    id.current ??= crypto.randomUUID();
    setPending(true);
    setStatus(null);
    setErrors({});
    try {
      const reportedAt = ago === "0" ? "" : new Date(Date.now() - Number(ago) * 60_000).toISOString();
      const res = await onLog({ id: id.current, appointmentId, therapistId: to, reportedAt, summary });
      if (res.ok) {
        id.current = null;
        setLogged((l) => [...l.filter((r) => r.id !== res.data.id), { ...res.data, summary: summary.trim() }]);
        setSummary("");
        setOpen(false);
        setStatus({ tone: "success", text: t("done", { therapist: res.data.therapistLabel, time: time(res.data.reportedAt) }) });
      } else {
        setErrors(res.fieldErrors ?? {});
        setStatus({ tone: "danger", text: res.message });
        summaryRef.current?.focus();
      }
    } catch {
      setStatus({ tone: "danger", text: t("unreachable", { button: t("log") }) });
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="verbal-report-title" className="space-y-3 rounded-lg border border-border p-4">
      <h2 id="verbal-report-title" className="flex items-center gap-2 text-xl font-semibold">
        <MessageSquareText aria-hidden className="h-6 w-6" /> {t("title")}
      </h2>
      {logged.length ? (
        <ul className="space-y-1" aria-label={t("logged")}>
          {logged.map((r) => (
            <li key={r.id}>
              <span className="font-semibold">{t("told", { therapist: r.therapistLabel, time: time(r.reportedAt) })}</span>{" "}
              {r.summary}
            </li>
          ))}
        </ul>
      ) : null}
      {open ? (
        <form onSubmit={submit} className="space-y-3" noValidate>
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="space-y-1">
              <Label htmlFor="verbal-to">{t("to")}</Label>
              <Select id="verbal-to" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={!!errors.therapistId}>
                {therapists.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </Select>
              <FieldError id="verbal-to-error" message={errors.therapistId?.[0]} />
            </div>
            <div className="space-y-1">
              <Label htmlFor="verbal-when">{t("when")}</Label>
              <Select id="verbal-when" value={ago} onChange={(e) => setAgo(e.target.value)} aria-invalid={!!errors.reportedAt}>
                {WHEN.map((v) => (
                  <option key={v} value={v}>
                    {t("minutesAgo", { minutes: Number(v) })}
                  </option>
                ))}
              </Select>
              <FieldError id="verbal-when-error" message={errors.reportedAt?.[0]} />
            </div>
          </div>
          <div className="space-y-1">
            <Label htmlFor="verbal-summary">{t("summary")}</Label>
            <Input
              id="verbal-summary"
              ref={summaryRef}
              value={summary}
              maxLength={200}
              autoFocus
              onChange={(e) => setSummary(e.target.value)}
              aria-invalid={!!errors.summary}
              aria-describedby={errors.summary ? "verbal-summary-error" : undefined}
            />
            <FieldError id="verbal-summary-error" message={errors.summary?.[0]} />
          </div>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" size="lg" disabled={pending || !hydrated}>
              {pending ? t("logging") : t("log")}
            </Button>
            <Button type="button" variant="secondary" size="lg" onClick={() => setOpen(false)} disabled={pending}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <Button type="button" variant="secondary" size="lg" disabled={!hydrated} onClick={() => setOpen(true)}>
          {t("open")}
        </Button>
      )}
      <FormMessage status={status} />
    </section>
  );
}
