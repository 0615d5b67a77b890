import type { Metadata } from "next";
import Link from "next/link";
import { ReportView } from "@/components/reports/report-view";
import { AcknowledgeForm } from "@/components/review/review-forms";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getTranslations } from "next-intl/server";
import { getReport } from "@/lib/reports/queries";
import { acknowledgeReportAction } from "../../review/actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("one") };
}
export const dynamic = "force-dynamic";

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("report:read", "/reports/[id]");
  const report = await orNotFound(getReport(actor, id));
  const t = await getTranslations("reports");
  return (
    <ClientMessages part="review">
      <div className="space-y-6">
        <div className="flex flex-wrap items-center gap-3">
          <Badge tone={report.status === "acknowledged" ? "success" : "info"}>{report.status === "acknowledged" ? t("acknowledged") : t("awaiting")}</Badge>
          <Link href={`/reports/${report.id}/print`} className={buttonVariants({ variant: "secondary" })}>
            {t("printView")}
          </Link>
          <a href={`/api/export/reports/${report.id}/pdf`} className={buttonVariants({ variant: "secondary" })} download>
            {t("pdf")}
          </a>
        </div>
        <Card>
          <ReportView report={report} />
        </Card>
        {report.status === "submitted" && report.therapistId === actor.id ? (
          <Card className="max-w-xl">
            <CardTitle>{t("acknowledge")}</CardTitle>
            <div className="mt-3">
              <AcknowledgeForm id={report.id} version={report.version} what="report" onSubmit={acknowledgeReportAction} />
            </div>
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}
