import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { auditEvents } from "@/db/schema";
import { getHandoutForPdf } from "@/lib/handouts/queries";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { renderHandoutPdf } from "./handout-pdf";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-handout-pdf-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Poppler (Debian's poppler-utils) reads the PDF back as a viewer would. */
function pdftotext(file: string): string {
  const run = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  if (run.error) throw new Error(`pdftotext is missing: apt-get install poppler-utils (${run.error.message})`);
  expect(run.stderr).toBe("");
  return run.stdout;
}
async function write(bytes: Uint8Array) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  // lines wrap at the large type: compare the text with its line breaks as spaces
  return pdftotext(file).replace(/\s+/g, " ");
}
const walker = demoId("sunrise:handout:walker");

beforeAll(seedDemoOnce);

describe("handout PDF", () => {
  it("prints the English handout with the clinic's name, in large type, and no patient data; audited as an export", async () => {
    const peter = await actorFor(DEMO.peter);
    const h = await getHandoutForPdf(peter, walker, "en");
    const text = await write(await renderHandoutPdf(h));
    expect(text).toContain("Sunrise");
    expect(text).toContain("Walking safely at home with your walker");
    expect(text).toContain("1. Stand up first, then reach for the walker.");
    expect(text).toContain("5. Turn slowly in small steps; never pivot on one foot.");
    expect(text).toContain("Precautions");
    expect(text).toContain("Twice a day");
    expect(text).toContain("Handout version 2.");
    expect(text).not.toContain("Maggie");
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "handout.export_pdf"), eq(auditEvents.actorId, peter.id)));
    expect(ev).toMatchObject({ entityId: walker, patientId: null, detail: { version: 2, lang: "en" } });
  });

  it("prints the Spanish handout (an earlier version) with its accents intact, and for a patient it is linked to", async () => {
    const peter = await actorFor(DEMO.peter);
    const h = await getHandoutForPdf(peter, walker, "es", 1, demo.patient("sunrise", "p01"));
    const text = await write(await renderHandoutPdf(h));
    expect(text).toContain("Caminar con seguridad en casa con su andadera");
    expect(text).toContain("Deténgase y siéntese si se siente mareado.");
    expect(text).toContain("Con qué frecuencia");
    expect(text).toContain("Dos veces al día");
    expect(text).toContain("Para Maggie Testwell");
    expect(text).toContain("Versión 1 de la hoja. ¿Preguntas? Consulte a su terapeuta.");
    expect(text).not.toContain("pivot");
  });

  it("refuses a patient the handout is not linked to, another clinic, and admins", async () => {
    const peter = await actorFor(DEMO.peter);
    await expect(getHandoutForPdf(peter, walker, "es", undefined, demo.patient("sunrise", "p02"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getHandoutForPdf(await actorFor(DEMO.theo), walker, "en")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getHandoutForPdf(await actorFor(DEMO.admin), walker, "en")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getHandoutForPdf(peter, walker, "en", 9)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
