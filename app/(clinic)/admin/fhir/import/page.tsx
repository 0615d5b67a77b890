import type { Metadata } from "next";
import Link from "next/link";
import { PatientImportForm } from "@/components/admin/patient-import-form";
import { Card, CardTitle } from "@/components/ui/card";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/lib/auth/session";
import { importFhirPatients } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fhirAdmin"))("importTitle") };
}
export const dynamic = "force-dynamic";

export default async function ImportPatientsPage() {
  await requirePermission("fhir:import", "/admin/fhir/import");
  const t = await getTranslations("fhirAdmin");
  return (
    <ClientMessages part="fhir">
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("importHeading")}</h1>
        <Card>
          <CardTitle>{t("fromEmr")}</CardTitle>
          <p className="mt-2">{t("importIntro")}</p>
          <div className="mt-4">
            <PatientImportForm onSubmit={importFhirPatients} />
          </div>
          <p className="mt-4">
            <Link className="inline-flex min-h-11 items-center font-semibold underline" href="/admin/fhir">
              {t("back")}
            </Link>
          </p>
        </Card>
      </div>
    </ClientMessages>
  );
}
