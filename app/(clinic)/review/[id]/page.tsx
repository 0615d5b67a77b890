import type { Metadata } from "next";
import Link from "next/link";
import { PrecautionBadges } from "@/components/patients/precaution-badges";
import { Amendments, EntryBody, Signatures, VerbalReports } from "@/components/review/entry-view";
import { AmendForm, ReturnForm, SignForm } from "@/components/review/review-forms";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getEntryForReview } from "@/lib/observations/review-queries";
import { formatClinicDateTime } from "@/lib/time";
import { amendEntry, returnEntry, signEntry } from "../actions";

export const metadata: Metadata = { title: "Review entry" };
export const dynamic = "force-dynamic";

export default async function ReviewEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("review:view", "/review/[id]");
  const e = await orNotFound(getEntryForReview(actor, id));
  const tz = actor.clinic.timeZone;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/review" className="underline">
          Back to review
        </Link>
        <h1 className="mt-2 text-3xl font-bold">
          {e.patient.name}: session {formatClinicDateTime(e.sessionAt, tz)}
        </h1>
        {e.attendance ? <p className="text-muted-foreground">Attendance: {e.attendance.replace("_", "-")}</p> : null}
      </div>
      <Card>
        <CardTitle>Precautions</CardTitle>
        <div className="mt-2">
          <PrecautionBadges precautions={e.patient.precautions} interpreterNeeded={e.patient.interpreterNeeded} language={e.patient.preferredLanguage} />
        </div>
      </Card>
      <Card>
        <CardTitle>Status</CardTitle>
        <div className="mt-2">
          <Signatures status={e.status} capturedByLabel={e.capturedByLabel} signedByLabel={e.signedByLabel} signedAt={e.signedAt} returnComment={e.returnComment} timeZone={tz} />
          <Amendments items={e.amendments} timeZone={tz} />
        </div>
      </Card>
      <EntryBody entry={e} />
      <VerbalReports items={e.verbalReports} timeZone={tz} />
      {e.status === "submitted" ? (
        <div className="grid gap-4 lg:grid-cols-2">
          <Card>
            <CardTitle>Sign</CardTitle>
            <div className="mt-3">
              <SignForm observationId={e.id} version={e.version} onSubmit={signEntry} />
            </div>
          </Card>
          <Card>
            <CardTitle>Return</CardTitle>
            <div className="mt-3">
              <ReturnForm observationId={e.id} version={e.version} onSubmit={returnEntry} />
            </div>
          </Card>
        </div>
      ) : null}
      {e.status === "signed" ? (
        <Card>
          <CardTitle>Amend</CardTitle>
          <p className="text-muted-foreground">A signed entry never changes; an amendment is added beside it with your name and the time.</p>
          <div className="mt-3 max-w-xl">
            <AmendForm observationId={e.id} onSubmit={amendEntry} />
          </div>
        </Card>
      ) : null}
      <Card>
        <CardTitle>Recent signed sessions</CardTitle>
        {e.history.length ? (
          <ul className="mt-2 divide-y divide-border">
            {e.history.map((h) => (
              <li key={h.id} className="py-2">
                <span className="font-semibold">{formatClinicDateTime(h.sessionAt, tz)}</span> · attitude {h.attitude ?? "—"} · {h.capturedByLabel}
                {h.accomplishments ? <span className="block text-muted-foreground">{h.accomplishments}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">No signed sessions yet.</p>
        )}
      </Card>
    </div>
  );
}
