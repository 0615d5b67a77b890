import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import * as fontkit from "fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";

/**
 * Unicode fonts for PDFs: Noto faces from npm, subset-embedded through fontkit 2 (the @pdf-lib/fontkit
 * fork corrupts CJK subsets, pdf-lib issue 1232), chosen glyph by glyph so a name that mixes scripts
 * prints right. Faces in fallback order: the first that has a character draws it.
 */
type FontFile = { pkg: string; file: string };
type Face = { name: string; regular: FontFile; bold: FontFile };

export const PDF_FACES: readonly Face[] = [
  // Latin (with Vietnamese), Greek, Cyrillic
  { name: "Noto Sans", regular: { pkg: "@embedpdf/fonts-latin", file: "fonts/NotoSans-Regular.ttf" }, bold: { pkg: "@embedpdf/fonts-latin", file: "fonts/NotoSans-Bold.ttf" } },
  {
    name: "Noto Sans Armenian",
    regular: { pkg: "@fontsource/noto-sans-armenian", file: "files/noto-sans-armenian-armenian-400-normal.woff" },
    bold: { pkg: "@fontsource/noto-sans-armenian", file: "files/noto-sans-armenian-armenian-700-normal.woff" },
  },
  // CJK ideographs (simplified and traditional forms), kana, CJK punctuation and symbols such as arrows
  { name: "Noto Sans Hans", regular: { pkg: "@embedpdf/fonts-sc", file: "fonts/NotoSansHans-Regular.otf" }, bold: { pkg: "@embedpdf/fonts-sc", file: "fonts/NotoSansHans-Bold.otf" } },
  // Hangul
  { name: "Noto Sans KR", regular: { pkg: "@embedpdf/fonts-kr", file: "fonts/NotoSansKR-Regular.otf" }, bold: { pkg: "@embedpdf/fonts-kr", file: "fonts/NotoSansKR-Bold.otf" } },
];

/** Drawn for a character no face has (emoji, unsupported scripts), so the rest of the line still prints. */
export const MISSING_GLYPH = "?";

// Glyph substitutions that merge or split characters (ligatures, ccmp decomposition) would give one glyph
// several meanings in the PDF's ToUnicode map, so copied or extracted text would differ from what was
// written. The faces above have a precomposed glyph for every character we draw (text is NFC).
const NO_SUBSTITUTIONS = ["ccmp", "liga", "clig", "calt", "rlig", "dlig", "locl"] as const;
const features = () => Object.fromEntries(NO_SUBSTITUTIONS.map((f) => [f, false]));

type Kit = fontkit.Font;
type LoadedFile = { bytes: Uint8Array; kit: Kit };
const loaded = new Map<string, LoadedFile>();
const kitOfBytes = new WeakMap<Uint8Array, Kit>();

/** Font files are read from node_modules once per process and kept parsed (fontkit parses lazily). */
function load(f: FontFile): LoadedFile {
  const key = `${f.pkg}/${f.file}`;
  const hit = loaded.get(key);
  if (hit) return hit;
  const file = path.join(process.cwd(), "node_modules", f.pkg, f.file);
  if (!fs.existsSync(file)) throw new Error(`PDF font ${key} is missing: run npm ci`);
  const bytes = new Uint8Array(fs.readFileSync(file));
  const kit = parse(bytes);
  const entry = { bytes, kit };
  loaded.set(key, entry);
  kitOfBytes.set(bytes, kit);
  return entry;
}

function parse(bytes: Uint8Array): Kit {
  const kit = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!("createSubset" in kit)) throw new Error("PDF font is a collection, not one face");
  // pdf-lib reads the subset as a stream (fontkit 1); fontkit 2 encodes it in one call.
  const createSubset = kit.createSubset.bind(kit);
  kit.createSubset = () => {
    const subset = createSubset();
    return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
  };
  return kit;
}

function hasGlyph(face: number, bold: boolean, codePoint: number): boolean {
  const f = PDF_FACES[face]!;
  return load(bold ? f.bold : f.regular).kit.hasGlyphForCodePoint(codePoint);
}

type PdfLibFontkit = Parameters<PDFDocument["registerFontkit"]>[0];
/** fontkit 2 in the shape pdf-lib's registerFontkit expects; reuses the parsed font for known bytes. */
export const fontkitForPdfLib = {
  create: (bytes: Uint8Array) => kitOfBytes.get(bytes) ?? parse(bytes),
} as unknown as PdfLibFontkit;

export type TextRun = { text: string; font: PDFFont };

/** The faces of one PDF document: embedded on first use (subset), shared by every line of it. */
export class PdfFonts {
  private embedded = new Map<string, Promise<PDFFont>>();

  constructor(private readonly doc: PDFDocument) {
    doc.registerFontkit(fontkitForPdfLib);
  }

  private font(face: number, bold: boolean): Promise<PDFFont> {
    const key = `${face}:${bold}`;
    let f = this.embedded.get(key);
    if (!f) {
      const file = load(bold ? PDF_FACES[face]!.bold : PDF_FACES[face]!.regular);
      // a subset font's name starts with a six-letter tag (PDF 32000-1 §9.6.4), unique in the file
      const customName = `${subsetTag(this.embedded.size)}+${file.kit.postscriptName}`;
      f = this.doc.embedFont(file.bytes, { subset: true, features: features(), customName });
      this.embedded.set(key, f);
    }
    return f;
  }

  /** The face index that draws a code point, or -1 when none has it. */
  static faceFor(codePoint: number, bold = false): number {
    return PDF_FACES.findIndex((_, i) => hasGlyph(i, bold, codePoint));
  }

  /** Text cut into runs of one face each (per-glyph fallback); characters no face has become "?". */
  async runs(text: string, bold = false): Promise<TextRun[]> {
    const parts: { face: number; text: string }[] = [];
    for (const ch of clean(text)) {
      let face = PdfFonts.faceFor(ch.codePointAt(0)!, bold);
      let drawn = ch;
      if (face < 0) [face, drawn] = [0, MISSING_GLYPH];
      const last = parts[parts.length - 1];
      // a combining mark stays with its base character when that face has it
      if (last && (last.face === face || (/^\p{M}$/u.test(ch) && hasGlyph(last.face, bold, ch.codePointAt(0)!)))) last.text += drawn;
      else parts.push({ face, text: drawn });
    }
    return Promise.all(parts.map(async (p) => ({ text: p.text, font: await this.font(p.face, bold) })));
  }
}

/** TTAAAA, TTAAAB, …: "TT" and four letters, one tag per embedded face of a document. */
function subsetTag(n: number): string {
  let letters = "";
  for (let i = 0; i < 4; i++, n = Math.floor(n / 26)) letters = String.fromCharCode(65 + (n % 26)) + letters;
  return `TT${letters}`;
}

/** NFC (precomposed Vietnamese letters), tabs as spaces, no other control characters. */
export function clean(text: string): string {
  return text.normalize("NFC").replace(/\t/g, " ").replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === "\n" ? c : ""));
}

export function widthOf(runs: TextRun[], size: number): number {
  return runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, size), 0);
}
