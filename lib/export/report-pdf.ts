import "server-only";
import { isFigures } from "@/lib/reports/figures";
import type { ReportDetail } from "@/lib/reports/queries";
import { PdfWriter } from "./pdf-writer";

/** A progress report as a PDF (pdf-lib, embedded Unicode subset fonts; no network, no headless browser). */
export async function renderReportPdf(r: ReportDetail): Promise<Uint8Array> {
  const w = await PdfWriter.create({ title: `Progress report ${r.patientName} ${r.periodStart} to ${r.periodEnd}` });
  await w.line(`Progress report: ${r.patientName}`, { size: 18, bold: true, gap: 6 });
  await w.line(`${r.patientFullName} · MRN ${r.mrn} · ${r.periodStart} to ${r.periodEnd}`);
  await w.line(`Written by ${r.authorLabel} · to ${r.therapistLabel}`, { gap: 10 });
  await w.line("Narrative", { size: 13, bold: true });
  await w.line(r.narrative, { gap: 10 });
  const f = isFigures(r.figures) ? r.figures : null;
  if (f) {
    const a = f.attendance;
    await w.line("Attendance", { size: 13, bold: true });
    await w.line(`Present ${a.present} · late ${a.late} · no-show ${a.no_show} · cancelled ${a.cancelled}${a.rate !== null ? ` · ${a.rate}% attended` : ""}`, { gap: 10 });
    await w.line("Attitude", { size: 13, bold: true });
    await w.line(`Average ${f.attitude.average ?? "-"} of 5${f.attitude.trend ? ` · ${f.attitude.trend}` : ""} (${f.attitude.points.length} sessions)`, { gap: 10 });
    await w.line("Goals", { size: 13, bold: true });
    if (!f.goals.length) await w.line("No goal measurements in this period.");
    for (const g of f.goals) {
      await w.line(g.description, { bold: true });
      await w.line(`Baseline ${g.baseline ?? "-"}, target ${g.target ?? "-"} ${g.unit}; observed ${g.first ?? "-"} -> ${g.last ?? "-"} ${g.unit}`);
      await w.line(g.points.map((p) => `${p.date}: ${p.value ?? "-"}${p.assistLevel ? ` (${p.assistLevel})` : ""}`).join("; "), { size: 9, gap: 6 });
    }
    await w.line("Accomplishments", { size: 13, bold: true });
    if (!f.accomplishments.length) await w.line("None recorded.");
    for (const x of f.accomplishments) await w.line(`• ${x.date}: ${x.text}`);
  }
  if (r.status === "acknowledged") {
    await w.line("", { gap: 6 });
    await w.line("Therapist's acknowledgement", { size: 13, bold: true });
    await w.line(r.comment ?? "");
  }
  await w.line("", { gap: 10 });
  await w.line("Contains protected health information.", { size: 8 });
  return w.save();
}
