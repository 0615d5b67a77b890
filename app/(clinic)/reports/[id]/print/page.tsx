import type { Metadata } from "next";
import { ReportView } from "@/components/reports/report-view";
import { PrintButton } from "@/components/reports/print-button";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getTranslations } from "next-intl/server";
import { getReport } from "@/lib/reports/queries";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("printTitle") };
}
export const dynamic = "force-dynamic";

/** Print-friendly: black on white, no charts; the app's navigation is hidden by the print stylesheet. */
export default async function PrintReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("report:read", "/reports/[id]/print");
  const report = await orNotFound(getReport(actor, id, "print"));
  const t = await getTranslations("reports");
  return (
    <ClientMessages part="reportPrint">
      <div className="print-report mx-auto max-w-3xl bg-white p-6 text-black">
        <div className="mb-4 print:hidden">
          <PrintButton />
        </div>
        <ReportView report={report} />
        <p className="mt-8 text-sm">{t("printFooter")}</p>
      </div>
    </ClientMessages>
  );
}
