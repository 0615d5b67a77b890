import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrecautionBadges } from "@/components/patients/precaution-badges";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("patient:read", "/patients/[id]");
  const patient = await getPatient(actor, id).catch((err: unknown) => {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  });
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
    </div>
  );
}
