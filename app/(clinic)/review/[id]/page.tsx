import type { Metadata } from "next";
import Link from "next/link";
import { PrecautionBadges } from "@/components/patients/precaution-badges";
import { Amendments, EntryBody, Signatures, VerbalReports } from "@/components/review/entry-view";
import { AmendForm, ReturnForm, SignForm } from "@/components/review/review-forms";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getEntryForReview } from "@/lib/observations/review-queries";
import { getLocale, getTranslations } from "next-intl/server";
import { formatClinicDateTime } from "@/lib/time";
import { amendEntry, returnEntry, signEntry } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviewEntry"))("title") };
}
export const dynamic = "force-dynamic";

export default async function ReviewEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("review:view", "/review/[id]");
  const e = await orNotFound(getEntryForReview(actor, id));
  const tz = actor.clinic.timeZone;
  const [t, attendanceT, locale] = await Promise.all([getTranslations("reviewEntry"), getTranslations("attendance"), getLocale()]);
  return (
    <ClientMessages part="review">
      <div className="space-y-6">
        <div>
          <Link href="/review" className="inline-flex min-h-11 items-center underline">
            {t("back")}
          </Link>
          <h1 className="mt-2 text-3xl font-bold">
            {t("heading", { patient: e.patient.name, at: formatClinicDateTime(e.sessionAt, tz, locale) })}
          </h1>
          {e.attendance ? <p className="text-muted-foreground">{t("attendance", { value: attendanceT(e.attendance) })}</p> : null}
        </div>
        <Card>
          <CardTitle>{t("precautions")}</CardTitle>
          <div className="mt-2">
            <PrecautionBadges precautions={e.patient.precautions} interpreterNeeded={e.patient.interpreterNeeded} language={e.patient.preferredLanguage} />
          </div>
        </Card>
        <Card>
          <CardTitle>{t("status")}</CardTitle>
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
              <CardTitle>{t("sign")}</CardTitle>
              <div className="mt-3">
                <SignForm observationId={e.id} version={e.version} onSubmit={signEntry} />
              </div>
            </Card>
            <Card>
              <CardTitle>{t("return")}</CardTitle>
              <div className="mt-3">
                <ReturnForm observationId={e.id} version={e.version} onSubmit={returnEntry} />
              </div>
            </Card>
          </div>
        ) : null}
        {e.status === "signed" ? (
          <Card>
            <CardTitle>{t("amend")}</CardTitle>
            <p className="text-muted-foreground">{t("amendHelp")}</p>
            <div className="mt-3 max-w-xl">
              <AmendForm observationId={e.id} onSubmit={amendEntry} />
            </div>
          </Card>
        ) : null}
        <Card>
          <CardTitle>{t("history")}</CardTitle>
          {e.history.length ? (
            <ul className="mt-2 divide-y divide-border">
              {e.history.map((h) => (
                <li key={h.id} className="py-2">
                  <span className="font-semibold">{formatClinicDateTime(h.sessionAt, tz, locale)}</span> · {t("attitude", { value: h.attitude ?? "—" })} · {h.capturedByLabel}
                  {h.accomplishments ? <span className="block text-muted-foreground">{h.accomplishments}</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-muted-foreground">{t("noHistory")}</p>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
