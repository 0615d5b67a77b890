import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { patients, progressReports } from "@/db/schema";
import { getReport } from "@/lib/reports/queries";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { PdfFonts } from "./pdf-fonts";
import { renderReportPdf } from "./report-pdf";

// Synthetic names in every script the clinics' families write (issue 13 item 4).
const NAMES = ["Nguyễn Thị Hạnh", "王小明", "陳美玲", "김민준", "Արամ Պետրոսյան", "Иван Петров", "Maria dela Cruz", "José Ñúñez", "さくら"];

const MIXED = "Hạnh / 王小明 / 김민준 / Արամ / Иван / さくら / Ñúñez";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-pdf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Poppler (Debian's poppler-utils, installed by .ci/run) reads the PDF back as a viewer would. */
function poppler(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, { encoding: "utf8" });
  if (run.error) throw new Error(`${tool} is missing: apt-get install poppler-utils (${run.error.message})`);
  expect(run.stderr, `${tool} reported problems`).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
}

async function reportPdf(mutate: { narrative: string; first?: string; preferred?: string | null; last?: string }) {
  const peter = await actorFor(DEMO.peter);
  const id = demoId("sunrise:report:p01:demo");
  await getDb()
    .update(patients)
    .set({ firstName: mutate.first ?? "Maria", lastName: mutate.last ?? "dela Cruz", preferredName: mutate.preferred ?? null })
    .where(eq(patients.id, demo.patient("sunrise", "p01")));
  await getDb().update(progressReports).set({ narrative: mutate.narrative }).where(eq(progressReports.id, id));
  const bytes = await renderReportPdf(await getReport(peter, id, "pdf"));
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return { bytes, file };
}

beforeAll(seedDemoOnce);

describe("report PDF fonts", () => {
  it("prints names in every script and reads them back unchanged, with subset fonts, under 1 MB", async () => {
    const { bytes, file } = await reportPdf({
      first: "Nguyễn Thị",
      preferred: "Hạnh",
      last: "王-김-Պետրոսյան-Петров",
      narrative: `Family present:\n${NAMES.join("\n")}\nMixed on one line: ${MIXED}`,
    });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const text = poppler("pdftotext", ["-enc", "UTF-8", file, "-"]);
    expect(text).toContain("Progress report: Hạnh 王-김-Պետրոսյան-Петров");
    expect(text).toContain("Nguyễn Thị 王-김-Պետրոսյան-Петров · MRN SR-1001");
    for (const name of NAMES) expect(text.split("\n")).toContain(name);
    expect(text).toContain(`Mixed on one line: ${MIXED}`);
    // the seeded report's figures plus these lines: two letter pages, well under 1 MB with five fonts
    expect(Number(/Pages:\s+(\d+)/.exec(poppler("pdfinfo", [file]))?.[1])).toBeLessThanOrEqual(2);
    // every font embedded, none substituted by the viewer
    const fonts = poppler("pdffonts", [file]).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(5);
    for (const f of fonts) expect(f).toMatch(/^TT[A-Z]{4}\+\S+ .* yes yes yes\s+\d+\s+0$/);
    expect(fonts.join("\n")).toMatch(/NotoSansHans-Regular[\s\S]*CID Type 0C/);
    // the glyphs render (a corrupt CJK subset makes poppler complain on stderr, checked in poppler())
    poppler("pdftoppm", ["-r", "30", "-f", "1", "-l", "1", "-png", file, path.join(dir, "page")]);
  });

  it("wraps text without spaces (CJK) inside the margins and normalises decomposed letters", async () => {
    const cjk = "王小明今天在治疗室完成了十次坐站练习并且没有需要帮助".repeat(6);
    const long = `https://example.org/${"home-exercise-".repeat(12)}end`;
    const { file } = await reportPdf({ narrative: `${"Nguye\u0302\u0303n"} ${cjk}\n김민준은 오늘 치료실에서 열 번의 앉았다 일어서기 연습을 마쳤습니다 🙂\nSee ${long}` });
    const text = poppler("pdftotext", ["-enc", "UTF-8", file, "-"]);
    expect(text).toContain("Nguyễn");
    expect(text.replace(/\n/g, "")).toContain(cjk);
    expect(text).toContain("마쳤습니다 ?");
    // a word wider than the line is cut where it overflows, and nothing of it is lost
    expect(text.replace(/\n/g, "")).toContain(long);
    const html = poppler("pdftotext", ["-bbox", file, "-"]);
    const xMax = [...html.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xMax.length).toBeGreaterThan(10);
    expect(Math.max(...xMax)).toBeLessThanOrEqual(562.5);
    // the CJK narrative took several lines: more than one distinct baseline for it
    const lines = text.split("\n").filter((l) => /[王治疗]/.test(l));
    expect(lines.length).toBeGreaterThan(2);
  });

  it("picks a face per character", () => {
    const face = (s: string) => PdfFonts.faceFor(s.codePointAt(0)!);
    expect([face("a"), face("ễ"), face("Д"), face("Ա"), face("王"), face("さ"), face("김"), face("🙂")]).toEqual([0, 0, 0, 1, 2, 2, 3, -1]);
    expect(PdfFonts.faceFor("김".codePointAt(0)!, true)).toBe(3);
  });
});
