"use client";

import { useTranslations } from "next-intl";
import type { TabletView } from "@/lib/offline/view";
import { compileReportPreview } from "@/lib/offline/report-preview";

/** What the report's figures will show, compiled on the device from what it holds (the server compiles the real ones). */
export function ReportPreview({ view, patientId, from, to }: { view: TabletView; patientId: string; from: string; to: string }) {
  const t = useTranslations("tablet.report.preview");
  const f = compileReportPreview(view, patientId, from, to);
  const attended = f.attendance.present + f.attendance.late;
  return (
    <section aria-labelledby="preview-title" className="space-y-2 rounded-lg border border-border bg-muted/40 p-4">
      <h2 id="preview-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>{f.attendance.total ? t("attendance", { attended, total: f.attendance.total }) : t("noAttendance")}</li>
        {f.attitude.average !== null ? <li>{t("attitude", { average: f.attitude.average })}</li> : null}
        {f.goals.map((g) => (g.last !== null ? <li key={g.goalId}>{t("goal", { description: g.description, value: g.last, unit: g.unit })}</li> : null))}
        {f.accomplishments.length ? <li>{t("accomplishments", { count: f.accomplishments.length })}</li> : null}
      </ul>
      <p className="text-sm text-muted-foreground">{t("note")}</p>
    </section>
  );
}
