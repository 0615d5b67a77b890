import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { renderReportPdf } from "@/lib/export/report-pdf";
import { getReport } from "@/lib/reports/queries";
import { exportError } from "../../../respond";

export const dynamic = "force-dynamic";

/** A progress report as PDF, for its author or its therapist. Audited as an export (export.report_pdf). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  let actor: Actor | null = null;
  try {
    actor = await requireActor();
    const { id } = await params;
    const report = await getReport(actor, id, "pdf");
    const pdf = await renderReportPdf(report);
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="progress-report-${report.mrn}-${report.periodEnd}.pdf"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    return exportError(err, actor, "/api/export/reports/[id]/pdf");
  }
}
