import type { Metadata } from "next";
import Link from "next/link";
import { PatientImportForm } from "@/components/admin/patient-import-form";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { importFhirPatients } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export const metadata: Metadata = { title: "Import patients" };
export const dynamic = "force-dynamic";

export default async function ImportPatientsPage() {
  await requirePermission("fhir:import", "/admin/fhir/import");
  return (
    <ClientMessages part="fhir">
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">Import patients (FHIR)</h1>
        <Card>
          <CardTitle>From the EMR</CardTitle>
          <p className="mt-2">
            Upload a FHIR Bundle (JSON) or NDJSON of Patient resources, up to 900 kB. Each patient is matched on the MRN (an identifier of type MR): new
            MRNs are created, known ones get their name, date of birth and language updated. A row that cannot be read is refused with its reason and
            the good rows are kept. Importing the same file again changes nothing. Precautions, caseloads and the primary therapist are not imported.
          </p>
          <div className="mt-4">
            <PatientImportForm onSubmit={importFhirPatients} />
          </div>
          <p className="mt-4">
            <Link className="inline-flex min-h-11 items-center font-semibold underline" href="/admin/fhir">
              Back to EMR interoperability
            </Link>
          </p>
        </Card>
      </div>
    </ClientMessages>
  );
}
