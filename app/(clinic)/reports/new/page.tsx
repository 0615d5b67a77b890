import type { Metadata } from "next";
import { ReportForm } from "@/components/reports/report-form";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listPatients } from "@/lib/patients/queries";
import { addDays, clinicToday } from "@/lib/time";
import { submitReportAction } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export const metadata: Metadata = { title: "Write a progress report" };
export const dynamic = "force-dynamic";

export default async function NewReportPage({ searchParams }: { searchParams: Promise<{ patient?: string }> }) {
  const actor = await requirePermission("report:submit", "/reports/new");
  const { patient } = await searchParams;
  const patients = (await listPatients(actor)).filter((p) => p.status === "active");
  const today = clinicToday(actor.clinic.timeZone);
  const options = patients.map((p) => ({ value: p.id, label: p.displayName }));
  return (
    <ClientMessages part="reportNew">
      <div className="max-w-2xl space-y-6">
        <h1 className="text-3xl font-bold">Write a progress report</h1>
        <Card>
          {options.length ? (
            <ReportForm
              patients={options}
              defaults={{ patientId: options.some((o) => o.value === patient) ? patient! : (options[0]?.value ?? ""), periodStart: addDays(today, -13), periodEnd: today }}
              onSubmit={submitReportAction}
            />
          ) : (
            <p className="text-muted-foreground">No patients on your caseload.</p>
          )}
        </Card>
      </div>
    </ClientMessages>
  );
}
