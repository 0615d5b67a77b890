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
import { raiseConcernAction } from "../../concerns/actions";

export const metadata: Metadata = { title: "Patient" };

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
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{patient.displayName}</h1>
        <p className="text-lg text-muted-foreground">
          {patient.fullName} · MRN {patient.mrn}
          {patient.status === "discharged" ? " · discharged" : ""}
        </p>
      </div>
      <Card>
        <CardTitle>About</CardTitle>
        <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
          {patient.dateOfBirth ? (
            <div>
              <dt className="text-muted-foreground">Date of birth</dt>
              <dd className="font-semibold">{patient.dateOfBirth}</dd>
            </div>
          ) : null}
          <div>
            <dt className="text-muted-foreground">Preferred language</dt>
            <dd className="font-semibold">
              {patient.preferredLanguage}
              {patient.interpreterNeeded ? " (interpreter needed)" : ""}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Primary therapist</dt>
            <dd className="font-semibold">{patient.primaryTherapist ?? "Not assigned"}</dd>
          </div>
        </dl>
      </Card>
      {patient.precautions ? (
        <Card>
          <CardTitle>Precautions</CardTitle>
          <div className="mt-3">
            {patient.precautions.length || patient.interpreterNeeded ? (
              <PrecautionBadges precautions={patient.precautions} interpreterNeeded={patient.interpreterNeeded} language={patient.preferredLanguage} />
            ) : (
              <p className="text-muted-foreground">No precautions recorded.</p>
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
              Progress
            </h2>
            <div className="flex flex-wrap gap-2">
              {can(actor, "care:manage") ? (
                <Link href={`/patients/${patient.id}/care`} className={buttonVariants({ variant: "secondary" })}>
                  Goals and delegations
                </Link>
              ) : null}
              {can(actor, "export:entries") ? (
                <>
                  <a href={`/api/export/patients/${patient.id}/entries?${query}`} className={buttonVariants({ variant: "secondary" })} download>
                    Download entries (CSV)
                  </a>
                  <a href={`/api/export/patients/${patient.id}/entries?${query}&format=xlsx`} className={buttonVariants({ variant: "secondary" })} download>
                    Download entries (Excel)
                  </a>
                </>
              ) : null}
              {can(actor, "report:submit") ? (
                <Link href={`/reports/new?patient=${patient.id}`} className={buttonVariants({ variant: "secondary" })}>
                  Write progress report
                </Link>
              ) : null}
            </div>
          </div>
          <RangeFilter from={range.from} to={range.to} action={`/patients/${patient.id}`} />
          <ProgressView progress={progress} timeZone={actor.clinic.timeZone} />
        </section>
      ) : null}
    </div>
  );
}
