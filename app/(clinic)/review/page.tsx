import type { Metadata } from "next";
import Link from "next/link";
import { AlertOctagon } from "lucide-react";
import { AcknowledgeForm } from "@/components/review/review-forms";
import { OverdueSignoff } from "@/components/review/overdue-signoff";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { overdueSignoffs, reviewQueue } from "@/lib/observations/review-queries";
import { listReports, openConcerns } from "@/lib/reports/queries";
import { getLocale, getTranslations } from "next-intl/server";
import { formatAge, formatDeadline } from "@/lib/observations/signoff-deadline";
import { formatClinicDateTime, formatDayRange } from "@/lib/time";
import { acknowledgeConcernAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}
export const dynamic = "force-dynamic";

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { acknowledged } = await searchParams;
  const actor = await requirePermission("review:view", "/review");
  const [concerns, queue, reports, overdue] = await Promise.all([
    openConcerns(actor),
    reviewQueue(actor),
    listReports(actor, { pending: true }),
    overdueSignoffs(actor),
  ]);
  const tz = actor.clinic.timeZone;
  const [t, kinds, locale] = await Promise.all([getTranslations("review"), getTranslations("concernKinds"), getLocale()]);
  const now = new Date();
  return (
    <ClientMessages part="review">
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        {acknowledged === "concern" ? (
          <Alert tone="success" role="status">
            {t("concernAcknowledged")}
          </Alert>
        ) : null}

        {concerns.length ? (
          <section aria-labelledby="concerns-title" className="space-y-3">
            <h2 id="concerns-title" className="flex items-center gap-2 text-xl font-semibold text-danger">
              <AlertOctagon aria-hidden className="h-6 w-6" /> {t("urgentConcerns", { count: concerns.length })}
            </h2>
            {concerns.map((c) => (
              <Card key={c.id} className="border-danger" aria-label={t("concernLabel", { kind: kinds(c.kind), patient: c.patientName })}>
                <p className="text-lg font-semibold">
                  <Badge tone="danger">{kinds(c.kind)}</Badge>{" "}
                  <Link href={`/patients/${c.patientId}`} className="inline-flex min-h-11 items-center underline">
                    {c.patientName}
                  </Link>
                </p>
                <p className="mt-1 text-muted-foreground">
                  {t("raisedBy", { name: c.raisedByName, at: formatClinicDateTime(c.raisedAt, tz, locale) })}
                </p>
                {c.text ? <p className="mt-2">{c.text}</p> : null}
                <div className="mt-3 max-w-xl">
                  <AcknowledgeForm id={c.id} version={c.version} what="concern" onSubmit={acknowledgeConcernAction} doneHref="/review?acknowledged=concern" />
                </div>
              </Card>
            ))}
          </section>
        ) : null}

        <Card aria-labelledby="queue-title">
          <CardTitle id="queue-title">{t("awaiting", { count: queue.length })}</CardTitle>
          {queue.length ? (
            <ul className="mt-3 divide-y divide-border">
              {queue.map((q) => (
                <li key={q.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div>
                    <Link href={`/review/${q.id}`} className="inline-flex min-h-11 items-center text-lg font-semibold underline">
                      {q.patientName}
                    </Link>
                    <span className="block text-muted-foreground">
                      {t("sessionBy", { at: formatClinicDateTime(q.sessionAt, tz, locale), assistant: q.assistantLabel })}
                    </span>
                  </div>
                  <div className="flex items-center gap-2">
                    <span className="text-muted-foreground">{t("waiting", { age: formatAge(q.submittedAt, now, locale) })}</span>
                    {q.overdue ? <Badge tone="danger">{t("overdue")}</Badge> : <Badge tone="neutral">{formatDeadline(q.deadline, tz, now, locale)}</Badge>}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-muted-foreground">{t("nothingWaiting")}</p>
          )}
        </Card>

        <Card aria-labelledby="reports-title">
          <CardTitle id="reports-title">{t("reportsToAcknowledge", { count: reports.length })}</CardTitle>
          {reports.length ? (
            <ul className="mt-3 divide-y divide-border">
              {reports.map((r) => (
                <li key={r.id} className="py-3">
                  <Link href={`/reports/${r.id}`} className="inline-flex min-h-11 items-center text-lg font-semibold underline">
                    {t("reportPeriod", { patient: r.patientName, period: formatDayRange(r.periodStart, r.periodEnd, locale) })}
                  </Link>
                  <span className="block text-muted-foreground">{t("by", { name: r.authorLabel })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-muted-foreground">{t("noReports")}</p>
          )}
        </Card>

        <OverdueSignoff items={overdue} timeZone={tz} showTherapist={false} />
      </div>
    </ClientMessages>
  );
}
