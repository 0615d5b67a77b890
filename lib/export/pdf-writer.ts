import "server-only";
import { PDFDocument, rgb } from "pdf-lib";
import { PdfFonts, widthOf, type TextRun } from "./pdf-fonts";

export type LineOptions = { size?: number; bold?: boolean; gap?: number };
type Page = ReturnType<PDFDocument["addPage"]>;

const LETTER: [number, number] = [612, 792];
const MARGIN = { left: 50, top: 52, bottom: 60 };

// Break opportunities: spaces, and between any two CJK ideographs, kana or Hangul syllables (their text
// has no spaces between words).
const TOKEN = /\s+|[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/gu;

/**
 * Lays text out line by line on letter pages: wraps at the right margin, starts a new page at the
 * bottom, and draws each line as runs of the face that has their glyphs (PdfFonts). Shared by every
 * PDF the app makes (progress reports, handouts).
 */
export class PdfWriter {
  readonly fonts: PdfFonts;
  private page!: Page;
  private y = 0;
  private readonly width = LETTER[0] - 2 * MARGIN.left;

  constructor(readonly doc: PDFDocument) {
    this.fonts = new PdfFonts(doc);
    this.newPage();
  }

  static async create(meta: { title: string }) {
    const doc = await PDFDocument.create();
    doc.setTitle(meta.title);
    doc.setProducer("TheraTrack");
    return new PdfWriter(doc);
  }

  private newPage() {
    this.page = this.doc.addPage(LETTER);
    this.y = LETTER[1] - MARGIN.top;
  }

  /** One paragraph per "\n", wrapped to the page width; gap is extra space after the block. */
  async line(text: string, opts: LineOptions = {}) {
    const size = opts.size ?? 11;
    for (const para of text.split("\n")) {
      for (const runs of await this.wrap(para, size, !!opts.bold)) this.draw(runs, size);
    }
    this.y -= opts.gap ?? 2;
  }

  private async wrap(para: string, size: number, bold: boolean): Promise<TextRun[][]> {
    const lines: TextRun[][] = [];
    let current: TextRun[] = [];
    let used = 0;
    for (const token of para.match(TOKEN) ?? []) {
      const isSpace = /^\s+$/.test(token);
      if (isSpace && !current.length) continue;
      const runs = await this.fonts.runs(isSpace ? " " : token, bold);
      const w = widthOf(runs, size);
      if (used + w <= this.width || isSpace) {
        current.push(...runs);
        used += w;
        continue;
      }
      if (current.length) lines.push(trimEnd(current));
      current = [];
      used = 0;
      // a word wider than the line (a long address, a run of digits) is cut where it overflows
      for (const piece of w > this.width ? await this.split(token, size, bold) : [runs]) {
        if (current.length) lines.push(current);
        current = piece;
        used = widthOf(piece, size);
      }
    }
    lines.push(trimEnd(current));
    return lines;
  }

  private async split(word: string, size: number, bold: boolean): Promise<TextRun[][]> {
    const pieces: TextRun[][] = [];
    let piece = "";
    for (const ch of word) {
      if (piece && widthOf(await this.fonts.runs(piece + ch, bold), size) > this.width) {
        pieces.push(await this.fonts.runs(piece, bold));
        piece = "";
      }
      piece += ch;
    }
    if (piece) pieces.push(await this.fonts.runs(piece, bold));
    return pieces;
  }

  private draw(runs: TextRun[], size: number) {
    if (this.y < MARGIN.bottom) this.newPage();
    let x = MARGIN.left;
    for (const r of merge(runs)) {
      this.page.drawText(r.text, { x, y: this.y, size, font: r.font, color: rgb(0, 0, 0) });
      x += r.font.widthOfTextAtSize(r.text, size);
    }
    this.y -= size * 1.45;
  }

  save(): Promise<Uint8Array> {
    return this.doc.save();
  }
}

/** Neighbouring runs of one font drawn as one text object (smaller file, same text). */
function merge(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && last.font === r.font) out[out.length - 1] = { font: r.font, text: last.text + r.text };
    else out.push(r);
  }
  return out;
}

function trimEnd(runs: TextRun[]): TextRun[] {
  const out = [...runs];
  while (out.length && /^\s+$/.test(out[out.length - 1]!.text)) out.pop();
  return out;
}
