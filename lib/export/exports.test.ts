import ExcelJS from "exceljs";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { appointments, auditEvents, observations } from "@/db/schema";
import { getReport } from "@/lib/reports/queries";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { insertSubmittedEntry } from "@/lib/testing/review-entries";
import { readXlsx } from "@/lib/testing/xlsx";
import { addDays, clinicDate, clinicToday } from "@/lib/time";
import { exportPatientEntries } from "./patient-entries";
import { renderReportPdf } from "./report-pdf";

beforeAll(seedDemoOnce);

const range = () => ({ from: addDays(clinicToday("America/Los_Angeles"), -60), to: clinicToday("America/Los_Angeles") });

describe("exportPatientEntries", () => {
  it("writes an Excel-safe CSV of the patient's entries, escaping formula-like text, and audits the export", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.ana, DEMO.peter);
    await getDb().update(observations).set({ note: '=HYPERLINK("http://evil")', accomplishments: "Walked, then rested" }).where(eq(observations.id, e.id));
    const { body, filename } = await exportPatientEntries(peter, e.patientId, range());
    const csv = String(body);
    expect(csv.startsWith("\uFEFFSession date,Session start (UTC),Status,Captured by,Signed by,Signed at (UTC),Attitude,Attitude tags,Goal measurements,Tasks,")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('"Walked, then rested"');
    expect(csv).toMatch(/\r\n\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2}T/);
    expect(csv).toContain("Peter Park, DPT");
    expect(filename).toMatch(/^entries-SR-\d+-/);
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "export.entries_csv"), eq(auditEvents.actorId, peter.id))).orderBy(desc(auditEvents.id));
    expect(ev).toMatchObject({ patientId: e.patientId, detail: { format: "csv" } });
  });

  it("writes the same entries as .xlsx: clinic dates and UTC times typed, numbers as numbers, formulas neutralised", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.ana, DEMO.peter);
    await getDb().update(observations).set({ note: "+1 555 0100 called", attitude: 4 }).where(eq(observations.id, e.id));
    const csv = await exportPatientEntries(peter, e.patientId, range());
    const file = await exportPatientEntries(peter, e.patientId, range(), "xlsx");
    expect(file.filename).toBe(String(csv.filename).replace(/\.csv$/, ".xlsx"));
    expect(file.rows).toBe(csv.rows);
    const ws = await readXlsx(file.body);
    expect(ws.getRow(1).values).toEqual([undefined, ...String(csv.body).slice(1).split("\r\n")[0]!.split(",")]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.rowCount).toBe(csv.rows + 1);
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(13).value === "'+1 555 0100 called")!;
    expect(row).toBeDefined();
    const [o] = await getDb().select({ startsAt: appointments.startsAt }).from(appointments).innerJoin(observations, eq(observations.appointmentId, appointments.id)).where(eq(observations.id, e.id));
    expect(row.getCell(1)).toMatchObject({ type: ExcelJS.ValueType.Date, value: new Date(`${clinicDate(o!.startsAt, "America/Los_Angeles")}T00:00:00Z`) });
    expect(row.getCell(2)).toMatchObject({ type: ExcelJS.ValueType.Date, value: o!.startsAt });
    expect(row.getCell(3).value).toBe("Awaiting signature");
    expect(row.getCell(7)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 4 });
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "export.entries_csv"), eq(auditEvents.actorId, peter.id))).orderBy(desc(auditEvents.id));
    expect(ev).toMatchObject({ patientId: e.patientId, detail: { format: "xlsx", rows: file.rows } });
    await expect(exportPatientEntries(peter, e.patientId, range(), "xlsm")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(exportPatientEntries(await actorFor(DEMO.ana), e.patientId, range(), "xlsx")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportPatientEntries(await actorFor(DEMO.theo), e.patientId, range(), "xlsx")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("writes the headers and the labels of codes in the therapist's language; dates and numbers stay typed", async () => {
    const peter = await actorFor(DEMO.peter);
    const e = await insertSubmittedEntry(DEMO.ana, DEMO.peter);
    await getDb().update(observations).set({ note: "Caminó bien", attitude: 5, attitudeTags: ["engaged"] }).where(eq(observations.id, e.id));
    const csv = String((await exportPatientEntries(peter, e.patientId, range(), "csv", "es")).body);
    const header = "\uFEFFFecha de la sesión,Inicio de la sesión (UTC),Estado,Registrado por,Firmado por,Firmado el (UTC),Actitud,Etiquetas de actitud,Mediciones de objetivos,Tareas,Logros,Comodidad y necesidades,Nota,Enmiendas";
    expect(csv.split("\r\n")[0]).toBe(header);
    const file = await exportPatientEntries(peter, e.patientId, range(), "xlsx", "es");
    const ws = await readXlsx(file.body);
    expect(ws.name).toBe("Registros");
    expect(ws.getRow(1).values).toEqual([undefined, ...header.slice(1).split(",")]);
    const row = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(13).value === "Caminó bien")!;
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(3).value).toBe("Pendiente de firma");
    expect(row.getCell(7)).toMatchObject({ type: ExcelJS.ValueType.Number, value: 5 });
    expect(row.getCell(8).value).toBe("Participa");
    // the seeded entries' delegated tasks: labels and done/not done in Spanish, no code left
    const tasks = ws.getRows(2, ws.rowCount - 1)!.map((r) => String(r.getCell(10).value ?? "")).filter(Boolean);
    expect(tasks.length).toBeGreaterThan(0);
    for (const cell of tasks) {
      expect(cell).toMatch(/: (hecha|no hecha)(; |$)/);
      expect(cell).not.toMatch(/\b(done|[a-z]+_[a-z_]+)\b/);
    }
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
