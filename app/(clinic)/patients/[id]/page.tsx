import type { Metadata } from "next";
import Link from "next/link";
import { PrecautionBadges } from "@/components/patients/precaution-badges";
import { ProgressView, RangeFilter } from "@/components/progress/progress-view";
import { RaiseConcern } from "@/components/reports/raise-concern";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getPatient } from "@/lib/patients/queries";
import { getPatientProgress, progressRange } from "@/lib/progress/queries";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDay } from "@/lib/time";
import { raiseConcernAction } from "../../concerns/actions";
import { ClientMessages } from "@/components/i18n/client-messages";
import { HandoutsGiven } from "./handouts-given";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("patient"))("title") };
}

export const dynamic = "force-dynamic";

export default async function PatientPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const { id } = await params;
  const { from, to } = await searchParams;
  const actor = await requirePermission("patient:read", "/patients/[id]");
  const patient = await orNotFound(getPatient(actor, id));
  // Admins get demographics only (minimum necessary); clinical roles get progress, scoped in the query.
  const range = progressRange(actor.clinic.timeZone, from, to);
  const progress = can(actor, "patient:read-clinical") ? await getPatientProgress(actor, patient.id, range) : null;
  const query = `from=${range.from}&to=${range.to}`;
  const [t, locale] = await Promise.all([getTranslations("patient"), getLocale()]);
  return (
    <ClientMessages part="progress">
      <div className="space-y-6">
        <div>
          <h1 className="text-3xl font-bold">{patient.displayName}</h1>
          <p className="text-lg text-muted-foreground">
            {t("mrnLine", { name: patient.fullName, mrn: patient.mrn })}
            {patient.status === "discharged" ? ` · ${t("discharged")}` : ""}
          </p>
        </div>
        <Card>
          <CardTitle>{t("about")}</CardTitle>
          <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {patient.dateOfBirth ? (
              <div>
                <dt className="text-muted-foreground">{t("dateOfBirth")}</dt>
                <dd className="font-semibold">{formatDay(patient.dateOfBirth, locale)}</dd>
              </div>
            ) : null}
            <div>
              <dt className="text-muted-foreground">{t("preferredLanguage")}</dt>
              <dd className="font-semibold">
                {patient.preferredLanguage}
                {patient.interpreterNeeded ? ` ${t("interpreterNeeded")}` : ""}
              </dd>
            </div>
            <div>
              <dt className="text-muted-foreground">{t("primaryTherapist")}</dt>
              <dd className="font-semibold">{patient.primaryTherapist ?? t("notAssigned")}</dd>
            </div>
          </dl>
        </Card>
        {patient.precautions ? (
          <Card>
            <CardTitle>{t("precautions")}</CardTitle>
            <div className="mt-3">
              {patient.precautions.length || patient.interpreterNeeded ? (
                <PrecautionBadges precautions={patient.precautions} interpreterNeeded={patient.interpreterNeeded} language={patient.preferredLanguage} />
              ) : (
                <p className="text-muted-foreground">{t("noPrecautions")}</p>
              )}
            </div>
          </Card>
        ) : null}
        {actor.role === "assistant" && patient.primaryTherapist ? (
          <RaiseConcern patientId={patient.id} therapistName={patient.primaryTherapist} onRaise={raiseConcernAction} />
        ) : null}
        {progress ? (
          <section aria-labelledby="progress-title" className="space-y-4">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="progress-title" className="text-2xl font-bold">
                {t("progress")}
              </h2>
              <div className="flex flex-wrap gap-2">
                {can(actor, "care:manage") ? (
                  <Link href={`/patients/${patient.id}/care`} className={buttonVariants({ variant: "secondary" })}>
                    {t("care")}
                  </Link>
                ) : null}
                {can(actor, "export:entries") ? (
                  <>
                    <a href={`/api/export/patients/${patient.id}/entries?${query}`} className={buttonVariants({ variant: "secondary" })} download>
                      {t("downloadCsv")}
                    </a>
                    <a href={`/api/export/patients/${patient.id}/entries?${query}&format=xlsx`} className={buttonVariants({ variant: "secondary" })} download>
                      {t("downloadExcel")}
                    </a>
                  </>
                ) : null}
                {can(actor, "report:submit") ? (
                  <Link href={`/reports/new?patient=${patient.id}`} className={buttonVariants({ variant: "secondary" })}>
                    {t("writeReport")}
                  </Link>
                ) : null}
              </div>
            </div>
            <RangeFilter from={range.from} to={range.to} action={`/patients/${patient.id}`} />
            <ProgressView progress={progress} timeZone={actor.clinic.timeZone} />
          </section>
        ) : null}
        {progress && can(actor, "handout:read") ? <HandoutsGiven actor={actor} patientId={patient.id} /> : null}
      </div>
    </ClientMessages>
  );
}
