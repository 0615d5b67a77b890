import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { auditEvents, observations } from "@/db/schema";
import { getReport } from "@/lib/reports/queries";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { insertSubmittedEntry } from "@/lib/testing/review-entries";
import { addDays, clinicToday } from "@/lib/time";
import { exportPatientEntries } from "./patient-entries";
import { renderReportPdf } from "./report-pdf";

beforeAll(seedDemoOnce);

const range = () => ({ from: addDays(clinicToday("America/Los_Angeles"), -60), to: clinicToday("America/Los_Angeles") });

describe("exportPatientEntries", () => {
  it("writes an Excel-safe CSV of the patient's entries, escaping formula-like text, and audits the export", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.ana, DEMO.peter);
    await getDb().update(observations).set({ note: '=HYPERLINK("http://evil")', accomplishments: "Walked, then rested" }).where(eq(observations.id, e.id));
    const { csv, filename } = await exportPatientEntries(peter, e.patientId, range());
    expect(csv.startsWith("\uFEFFsession_date,session_start_utc,status,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"Walked, then rested"');
    expect(csv).toMatch(/\r\n\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}T/);
    expect(csv).toContain("Peter Park, DPT");
    expect(filename).toMatch(/^entries-SR-\d+-/);
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "export.entries_csv"), eq(auditEvents.actorId, peter.id))).orderBy(desc(auditEvents.id));
    expect(ev).toMatchObject({ patientId: e.patientId });
  });

  it("refuses assistants and admins, and another clinic's patient", async () => {
    for (const email of [DEMO.ana, DEMO.admin]) {
      await expect(exportPatientEntries(await actorFor(email), demo.patient("sunrise", "p01"), range())).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(exportPatientEntries(await actorFor(DEMO.theo), demo.patient("sunrise", "p01"), range())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("report PDF", () => {
  it("renders the seeded report for its therapist and audits the download; others get NOT_FOUND", async () => {
    const peter = await actorFor(DEMO.peter);
    const id = demoId("sunrise:report:p01:demo");
    const pdf = await renderReportPdf(await getReport(peter, id, "pdf"));
    expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe("%PDF-");
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "export.report_pdf"), eq(auditEvents.entityId, id)));
    expect(ev).toMatchObject({ actorId: peter.id });
    await expect(getReport(await actorFor(DEMO.olivia), id, "pdf")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReport(await actorFor(DEMO.theo), id, "pdf")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReport(await actorFor(DEMO.admin), id, "pdf")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
