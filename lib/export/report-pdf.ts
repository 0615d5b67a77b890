import "server-only";
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { isFigures } from "@/lib/reports/figures";
import type { ReportDetail } from "@/lib/reports/queries";

// The standard PDF fonts cover Windows-1252 only: anything else (arrows, CJK…) becomes "?" instead of
// failing the download. Names here are Latin; a Unicode font would need embedding.
const WIN_ANSI = /[^\n\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]/g;
const clean = (s: string) => s.replace(/\u2192/g, "->").replace(WIN_ANSI, "?");

/** Wrapped lines of text on Letter pages; reused by the FHIR note PDF (lib/fhir/entry-pdf.ts). */
export class Writer {
  page: PDFPage;
  y = 0;
  constructor(
    private doc: PDFDocument,
    private font: PDFFont,
    private bold: PDFFont,
  ) {
    this.page = this.newPage();
  }
  private newPage() {
    this.page = this.doc.addPage([612, 792]);
    this.y = 740;
    return this.page;
  }
  line(text: string, opts: { size?: number; bold?: boolean; gap?: number } = {}) {
    const size = opts.size ?? 11;
    const font = opts.bold ? this.bold : this.font;
    for (const para of clean(text).split("\n")) {
      let current = "";
      for (const word of para.split(" ")) {
        const next = current ? `${current} ${word}` : word;
        if (font.widthOfTextAtSize(next, size) > 512 && current) {
          this.draw(current, size, font);
          current = word;
        } else current = next;
      }
      this.draw(current, size, font);
    }
    this.y -= opts.gap ?? 2;
  }
  private draw(text: string, size: number, font: PDFFont) {
    if (this.y < 60) this.newPage();
    this.page.drawText(text, { x: 50, y: this.y, size, font, color: rgb(0, 0, 0) });
    this.y -= size * 1.4;
  }
}

/** A progress report as a PDF (pdf-lib, no network, no headless browser). */
export async function renderReportPdf(r: ReportDetail): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Progress report ${r.patientName} ${r.periodStart} to ${r.periodEnd}`);
  doc.setProducer("TheraTrack");
  const w = new Writer(doc, await doc.embedFont(StandardFonts.Helvetica), await doc.embedFont(StandardFonts.HelveticaBold));
  w.line(`Progress report: ${r.patientName}`, { size: 18, bold: true, gap: 6 });
  w.line(`${r.patientFullName} · MRN ${r.mrn} · ${r.periodStart} to ${r.periodEnd}`);
  w.line(`Written by ${r.authorLabel} · to ${r.therapistLabel}`, { gap: 10 });
  w.line("Narrative", { size: 13, bold: true });
  w.line(r.narrative, { gap: 10 });
  const f = isFigures(r.figures) ? r.figures : null;
  if (f) {
    const a = f.attendance;
    w.line("Attendance", { size: 13, bold: true });
    w.line(`Present ${a.present} · late ${a.late} · no-show ${a.no_show} · cancelled ${a.cancelled}${a.rate !== null ? ` · ${a.rate}% attended` : ""}`, { gap: 10 });
    w.line("Attitude", { size: 13, bold: true });
    w.line(`Average ${f.attitude.average ?? "-"} of 5${f.attitude.trend ? ` · ${f.attitude.trend}` : ""} (${f.attitude.points.length} sessions)`, { gap: 10 });
    w.line("Goals", { size: 13, bold: true });
    if (!f.goals.length) w.line("No goal measurements in this period.");
    for (const g of f.goals) {
      w.line(g.description, { bold: true });
      w.line(`Baseline ${g.baseline ?? "-"}, target ${g.target ?? "-"} ${g.unit}; observed ${g.first ?? "-"} -> ${g.last ?? "-"} ${g.unit}`);
      w.line(g.points.map((p) => `${p.date}: ${p.value ?? "-"}${p.assistLevel ? ` (${p.assistLevel})` : ""}`).join("; "), { size: 9, gap: 6 });
    }
    w.line("Accomplishments", { size: 13, bold: true });
    if (!f.accomplishments.length) w.line("None recorded.");
    for (const x of f.accomplishments) w.line(`• ${x.date}: ${x.text}`);
  }
  if (r.status === "acknowledged") {
    w.line("", { gap: 6 });
    w.line("Therapist's acknowledgement", { size: 13, bold: true });
    w.line(r.comment ?? "");
  }
  w.line("", { gap: 10 });
  w.line("Contains protected health information.", { size: 8 });
  return doc.save();
}
