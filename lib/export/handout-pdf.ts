import "server-only";
import { translatorFor } from "@/lib/i18n/translate";
import type { HandoutLanguage, HandoutText } from "@/lib/handouts/schemas";
import { PdfWriter } from "./pdf-writer";

export type HandoutPdfInput = { clinicName: string; version: number; lang: HandoutLanguage; text: HandoutText; preparedFor?: string | null };

/**
 * A handout as a PDF in one language, in large type for reading at arm's length: the clinic's name, the
 * title, numbered steps, precautions and how often. No patient data, unless it is printed for one patient
 * (`preparedFor`, a display name). Headings come from the handout language's catalog, not the reader's.
 */
export async function renderHandoutPdf(h: HandoutPdfInput): Promise<Uint8Array> {
  const t = translatorFor(h.lang);
  const w = await PdfWriter.create({ title: h.text.title });
  w.doc.setLanguage(h.lang);
  await w.line(h.clinicName, { size: 14, gap: 8 });
  await w.line(h.text.title, { size: 28, bold: true, gap: 14 });
  if (h.preparedFor) await w.line(t("handouts.pdf.preparedFor", { name: h.preparedFor }), { size: 16, gap: 10 });
  await w.line(t("handouts.pdf.steps"), { size: 20, bold: true, gap: 6 });
  for (const [i, step] of h.text.steps.entries()) await w.line(`${i + 1}. ${step}`, { size: 18, gap: 8 });
  if (h.text.precautions.length) {
    await w.line("", { gap: 6 });
    await w.line(t("handouts.pdf.precautions"), { size: 20, bold: true, gap: 6 });
    for (const p of h.text.precautions) await w.line(`• ${p}`, { size: 18, gap: 8 });
  }
  await w.line("", { gap: 6 });
  await w.line(t("handouts.pdf.frequency"), { size: 20, bold: true, gap: 6 });
  await w.line(h.text.frequency, { size: 18, gap: 16 });
  await w.line(t("handouts.pdf.footer", { version: h.version }), { size: 11 });
  return w.save();
}
