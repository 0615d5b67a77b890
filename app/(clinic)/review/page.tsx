import type { Metadata } from "next";
import Link from "next/link";
import { AlertOctagon } from "lucide-react";
import { AcknowledgeForm } from "@/components/review/review-forms";
import { OverdueSignoff } from "@/components/review/overdue-signoff";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { overdueSignoffs, reviewQueue } from "@/lib/observations/review-queries";
import { listReports, openConcerns } from "@/lib/reports/queries";
import { CONCERN_KINDS } from "@/lib/reports/schemas";
import { formatClinicDateTime } from "@/lib/time";
import { acknowledgeConcernAction } from "./actions";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

export default async function ReviewPage() {
  const actor = await requirePermission("review:view", "/review");
  const [concerns, queue, reports, overdue] = await Promise.all([
    openConcerns(actor),
    reviewQueue(actor),
    listReports(actor, { pending: true }),
    overdueSignoffs(actor),
  ]);
  const tz = actor.clinic.timeZone;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Review</h1>

      {concerns.length ? (
        <section aria-labelledby="concerns-title" className="space-y-3">
          <h2 id="concerns-title" className="flex items-center gap-2 text-xl font-semibold text-danger">
            <AlertOctagon aria-hidden className="h-6 w-6" /> Urgent concerns ({concerns.length})
          </h2>
          {concerns.map((c) => (
            <Card key={c.id} className="border-danger" aria-label={`Concern: ${CONCERN_KINDS[c.kind]} — ${c.patientName}`}>
              <p className="text-lg font-semibold">
                <Badge tone="danger">{CONCERN_KINDS[c.kind]}</Badge>{" "}
                <Link href={`/patients/${c.patientId}`} className="underline">
                  {c.patientName}
                </Link>
              </p>
              <p className="mt-1 text-muted-foreground">
                Raised by {c.raisedByName} · {formatClinicDateTime(c.raisedAt, tz)}
              </p>
              {c.text ? <p className="mt-2">{c.text}</p> : null}
              <div className="mt-3 max-w-xl">
                <AcknowledgeForm id={c.id} version={c.version} what="concern" onSubmit={acknowledgeConcernAction} />
              </div>
            </Card>
          ))}
        </section>
      ) : null}

      <Card aria-labelledby="queue-title">
        <CardTitle id="queue-title">Awaiting your signature ({queue.length})</CardTitle>
        {queue.length ? (
          <ul className="mt-3 divide-y divide-border">
            {queue.map((q) => (
              <li key={q.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <Link href={`/review/${q.id}`} className="text-lg font-semibold underline">
                    {q.patientName}
                  </Link>
                  <span className="block text-muted-foreground">
                    Session {formatClinicDateTime(q.sessionAt, tz)} · by {q.assistantLabel}
                  </span>
                </div>
                <div className="flex items-center gap-2">
                  <span className="text-muted-foreground">waiting {q.age}</span>
                  {q.overdue ? <Badge tone="danger">Overdue</Badge> : <Badge tone="neutral">{q.deadlineLabel}</Badge>}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">Nothing is waiting for your signature.</p>
        )}
      </Card>

      <Card aria-labelledby="reports-title">
        <CardTitle id="reports-title">Progress reports to acknowledge ({reports.length})</CardTitle>
        {reports.length ? (
          <ul className="mt-3 divide-y divide-border">
            {reports.map((r) => (
              <li key={r.id} className="py-3">
                <Link href={`/reports/${r.id}`} className="text-lg font-semibold underline">
                  {r.patientName}: {r.periodStart} to {r.periodEnd}
                </Link>
                <span className="block text-muted-foreground">by {r.authorLabel}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">No reports are waiting.</p>
        )}
      </Card>

      <OverdueSignoff items={overdue} timeZone={tz} showTherapist={false} />
    </div>
  );
}
