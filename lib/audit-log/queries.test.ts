import ExcelJS from "exceljs";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicToday } from "@/lib/time";
import { readXlsx } from "@/lib/testing/xlsx";
import { auditActions, exportAuditLog, searchAuditEvents } from "./queries";
import { auditFilterSchema } from "./schemas";

beforeAll(seedDemoOnce);

describe("audit log viewer", () => {
  it("filters by user, action and dates within the clinic, pages by id, and audits viewing", async () => {
    const admin = await actorFor(DEMO.admin);
    const ana = await actorFor(DEMO.ana);
    const today = clinicToday(admin.clinic.timeZone);
    await searchAuditEvents(admin, auditFilterSchema.parse({}));
    const mine = await searchAuditEvents(admin, auditFilterSchema.parse({ userId: admin.id, action: "audit.", from: today, to: today }));
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.actorId === admin.id && r.action.startsWith("audit."))).toBe(true);
    expect((await searchAuditEvents(admin, auditFilterSchema.parse({ userId: ana.id, from: addDays(today, 2) }))).rows).toEqual([]);
    const [ev] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "audit.view")).orderBy(desc(auditEvents.id)).limit(1);
    expect(ev).toMatchObject({ actorId: admin.id });
    // another clinic's events never show
    const harbor = await actorFor(DEMO.harborAdmin);
    expect((await searchAuditEvents(harbor, auditFilterSchema.parse({ userId: admin.id }))).rows).toEqual([]);
  });

  it("exports CSV, neutralising formulas, and audits the export; refuses non-admins", async () => {
    const admin = await actorFor(DEMO.admin);
    const { body, rows } = await exportAuditLog(admin, auditFilterSchema.parse({ action: "audit.view" }));
    const csv = String(body);
    expect(csv.split("\r\n")[0]).toBe("\uFEFFID,Time (UTC),User ID,User,Action,Record type,Record ID,Patient ID,Patient MRN,IP address,Browser (user agent),Detail");
    expect(csv.split("\r\n").length).toBe(rows + 2);
    // the headers in the admin's language; the trail's codes stay as stored
    const es = String((await exportAuditLog(admin, auditFilterSchema.parse({ action: "audit.view" }), "csv", "es")).body);
    expect(es.split("\r\n")[0]).toBe("\uFEFFID,Hora (UTC),ID de usuario,Usuario,Acción,Tipo de registro,ID del registro,ID del paciente,MRN del paciente,Dirección IP,Navegador (user agent),Detalle");
    expect(es.split("\r\n")[1]).toContain(",audit.view,");
    const [ev] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "audit.export")).orderBy(desc(auditEvents.id)).limit(1);
    expect(ev).toMatchObject({ actorId: admin.id, detail: { rows, format: "csv" } });
    await getDb().insert(auditEvents).values({ clinicId: admin.clinicId, actorId: admin.id, action: "zz.test", entity: "route", entityId: '=HYPERLINK("x")' });
    const hostile = await exportAuditLog(admin, auditFilterSchema.parse({ action: "zz.test" }));
    expect(hostile.body).toContain(`"'=HYPERLINK(""x"")"`); // one CSV writer for every export: lib/export/csv.ts
    await expect(exportAuditLog(await actorFor(DEMO.olivia), auditFilterSchema.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchAuditEvents(await actorFor(DEMO.ana), auditFilterSchema.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(() => auditFilterSchema.parse({ action: "DROP TABLE" })).toThrow();
  });

  it("exports the same rows as .xlsx: typed id and UTC time, frozen header, neutralised formulas, audited", async () => {
    const admin = await actorFor(DEMO.admin);
    await getDb().insert(auditEvents).values({ clinicId: admin.clinicId, actorId: admin.id, action: "zz.xlsx", entity: "route", entityId: "@SUM(A1)" });
    const csv = await exportAuditLog(admin, auditFilterSchema.parse({ action: "zz.xlsx" }));
    const file = await exportAuditLog(admin, auditFilterSchema.parse({ action: "zz.xlsx" }), "xlsx");
    expect(file).toMatchObject({ contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", rows: 1, truncated: false });
    expect(file.filename).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = await readXlsx(file.body);
    expect(ws.getRow(1).values).toEqual([undefined, ...String(csv.body).slice(1).split("\r\n")[0]!.split(",")]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const es = await readXlsx((await exportAuditLog(admin, auditFilterSchema.parse({ action: "zz.xlsx" }), "xlsx", "es")).body);
    expect(es.name).toBe("Registro de auditoría");
    expect(es.getRow(1).values).toEqual([undefined, "ID", "Hora (UTC)", "ID de usuario", "Usuario", "Acción", "Tipo de registro", "ID del registro", "ID del paciente", "MRN del paciente", "Dirección IP", "Navegador (user agent)", "Detalle"]);
    expect(es.getCell("B2").type).toBe(ExcelJS.ValueType.Date);
    const [ev] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "zz.xlsx"));
    expect(ws.getCell("A2")).toMatchObject({ type: ExcelJS.ValueType.Number, value: ev!.id });
    expect(ws.getCell("B2")).toMatchObject({ type: ExcelJS.ValueType.Date, value: ev!.at });
    expect(ws.getCell("E2").value).toBe("zz.xlsx");
    expect(ws.getCell("G2").value).toBe("'@SUM(A1)");
    const [exp] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "audit.export")).orderBy(desc(auditEvents.id)).limit(1);
    expect(exp).toMatchObject({ actorId: admin.id, detail: { rows: 1, format: "xlsx" } });
    await expect(exportAuditLog(admin, auditFilterSchema.parse({}), "pdf")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(exportAuditLog(await actorFor(DEMO.peter), auditFilterSchema.parse({}), "xlsx")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports across keyset batches without losing or repeating an event, in both formats", async () => {
    const admin = await actorFor(DEMO.admin);
    const n = 2_345; // more than one batch of 2 000
    await getDb().insert(auditEvents).values(Array.from({ length: n }, (_, i) => ({ clinicId: admin.clinicId, actorId: admin.id, action: "zz.batch", entity: "route", entityId: String(i) })));
    const ws = await readXlsx((await exportAuditLog(admin, auditFilterSchema.parse({ action: "zz.batch" }), "xlsx")).body);
    expect(ws.rowCount).toBe(n + 1);
    const ids = ws.getColumn(1).values.slice(2).map(Number);
    expect(new Set(ids).size).toBe(n);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const csv = await exportAuditLog(admin, auditFilterSchema.parse({ action: "zz.batch" }));
    expect(csv).toMatchObject({ rows: n, truncated: false });
    expect(String(csv.body).split("\r\n").slice(1, -1).map((l) => Number(l.split(",")[0]))).toEqual(ids);
  });

  it("lists the clinic's distinct action names in order, and none of another clinic's", async () => {
    const admin = await actorFor(DEMO.admin);
    const harbor = await actorFor(DEMO.harborAdmin);
    await getDb().insert(auditEvents).values([
      { clinicId: harbor.clinicId, actorId: harbor.id, action: "zz.harbor_only", entity: "route" },
      { clinicId: admin.clinicId, actorId: admin.id, action: "aa.sunrise_only", entity: "route" },
      { clinicId: admin.clinicId, actorId: admin.id, action: "aa.sunrise_only", entity: "route" },
    ]);
    const expected = (
      await getDb().selectDistinct({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.clinicId, admin.clinicId)).orderBy(auditEvents.action)
    ).map((r) => r.action); // the database's collation decides the order
    const names = await auditActions(admin);
    expect(names).toEqual(expected);
    expect(names).toContain("aa.sunrise_only");
    expect(names).not.toContain("zz.harbor_only");
    expect(await auditActions(harbor)).toContain("zz.harbor_only");
    await expect(auditActions(await actorFor(DEMO.ana))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
