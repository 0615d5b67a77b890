import ExcelJS from "exceljs";
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, supplies, supplyMovements } from "@/db/schema";
import { demoId } from "@/db/seed";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { readXlsx } from "@/lib/testing/xlsx";
import { createSupply } from "./create-supply";
import { exportSupplies } from "./export-supplies";
import { listLowStock, listSupplies } from "./queries";
import { recordSupplyMovement } from "./record-supply-movement";
import { updateSupply } from "./update-supply";

beforeAll(seedDemoOnce);

const WIPES = () => demoId("sunrise:supply:wipes");
const onHand = async (id: string) => (await getDb().select({ n: supplies.onHand }).from(supplies).where(eq(supplies.id, id)))[0]!.n;
const lastAudit = async (action: string) =>
  (await getDb().select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1))[0];

describe("recordSupplyMovement", () => {
  it("records use and restock, keeps the movement, audits, and a retried movement counts once", async () => {
    const ana = await actorFor(DEMO.ana);
    const start = await onHand(WIPES());
    const id = crypto.randomUUID();
    const res = await recordSupplyMovement(ana, { id, supplyId: WIPES(), kind: "use", quantity: "2" });
    expect(res).toMatchObject({ onHand: start - 2, duplicate: false });
    expect(await recordSupplyMovement(ana, { id, supplyId: WIPES(), kind: "use", quantity: 2 })).toMatchObject({ onHand: start - 2, duplicate: true });
    expect(await onHand(WIPES())).toBe(start - 2);
    expect(await getDb().select().from(supplyMovements).where(eq(supplyMovements.id, id))).toEqual([
      expect.objectContaining({ delta: -2, kind: "use", byUserId: ana.id }),
    ]);
    expect(await lastAudit("supply.use")).toMatchObject({ actorId: ana.id, entityId: WIPES(), detail: { movementId: id, delta: -2 } });
    await recordSupplyMovement(ana, { id: crypto.randomUUID(), supplyId: WIPES(), kind: "restock", quantity: 5 });
    expect(await onHand(WIPES())).toBe(start + 3);
    expect(await lastAudit("supply.restock")).toMatchObject({ detail: { delta: 5 } });
  });

  it("refuses to take stock below zero with a clear message and records nothing", async () => {
    const sam = await actorFor(DEMO.sam);
    const paper = demoId("sunrise:supply:tablePaper");
    const start = await onHand(paper);
    const id = crypto.randomUUID();
    await expect(recordSupplyMovement(sam, { id, supplyId: paper, kind: "use", quantity: start + 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: `Only ${start} rolls of Exam table paper on hand, so ${start + 1} cannot be used. Nothing was recorded; check the count or restock first.`,
    });
    expect(await onHand(paper)).toBe(start);
    expect(await getDb().select().from(supplyMovements).where(eq(supplyMovements.id, id))).toEqual([]);
  });

  it("refuses bad input and another clinic's supply (not found)", async () => {
    const ana = await actorFor(DEMO.ana);
    await expect(recordSupplyMovement(ana, { id: crypto.randomUUID(), supplyId: WIPES(), kind: "use", quantity: 0 })).rejects.toMatchObject({ name: "ZodError" });
    await expect(recordSupplyMovement(ana, { id: "x", supplyId: WIPES(), kind: "use", quantity: 1 })).rejects.toMatchObject({ name: "ZodError" });
    await expect(
      recordSupplyMovement(await actorFor(DEMO.hugo), { id: crypto.randomUUID(), supplyId: WIPES(), kind: "use", quantity: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("the supply goes on the admin's low-stock list once use takes it to its reorder level", async () => {
    const admin = await actorFor(DEMO.admin);
    const band = demoId("sunrise:supply:bandYellow");
    expect((await listLowStock(admin)).map((s) => s.name)).toEqual(["Exam table paper"]);
    await recordSupplyMovement(await actorFor(DEMO.ana), { id: crypto.randomUUID(), supplyId: band, kind: "use", quantity: 3 });
    expect((await listLowStock(admin)).map((s) => s.name)).toEqual(["Exam table paper", "Theraband, yellow"]);
    await expect(listLowStock(await actorFor(DEMO.ana))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listLowStock(await actorFor(DEMO.harborAdmin))).map((s) => s.name)).toEqual(["Disinfectant wipes"]);
  });
});

describe("supply management and export", () => {
  it("an admin adds a supply with starting stock and changes its reorder level; others may not", async () => {
    const admin = await actorFor(DEMO.admin);
    const id = crypto.randomUUID();
    expect(await createSupply(admin, { id, name: "Ice packs", unit: "each", onHand: "8", reorderLevel: "3" })).toEqual({ supplyId: id, created: true });
    expect(await createSupply(admin, { id, name: "Ice packs", unit: "each", onHand: "8", reorderLevel: "3" })).toEqual({ supplyId: id, created: false });
    await expect(createSupply(admin, { id: crypto.randomUUID(), name: "Ice packs", unit: "each", onHand: 1, reorderLevel: 0 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await getDb().select().from(supplyMovements).where(eq(supplyMovements.supplyId, id))).toEqual([expect.objectContaining({ kind: "adjust", delta: 8 })]);
    const row = (await listSupplies(admin)).find((s) => s.id === id)!;
    await updateSupply(admin, { supplyId: id, name: "Ice packs", unit: "each", reorderLevel: 10, version: row.version });
    expect((await listLowStock(admin)).map((s) => s.name)).toContain("Ice packs");
    await expect(updateSupply(admin, { supplyId: id, name: "Ice packs", unit: "each", reorderLevel: 1, version: row.version })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await lastAudit("supply.update")).toMatchObject({ detail: { before: { reorderLevel: 3 }, after: { reorderLevel: 10 } } });
    await expect(createSupply(await actorFor(DEMO.ana), { id: crypto.randomUUID(), name: "X1", unit: "each", onHand: 1, reorderLevel: 0 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateSupply(await actorFor(DEMO.harborAdmin), { supplyId: id, name: "Mine", unit: "each", reorderLevel: 1, version: 2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("exports the clinic's supplies as CSV with a BOM, escaped formulas, and an audit row", async () => {
    const admin = await actorFor(DEMO.admin);
    await createSupply(admin, { id: crypto.randomUUID(), name: "=cmd|' /C calc'!A0", unit: "each", onHand: 1, reorderLevel: 0 });
    const { body, filename } = await exportSupplies(admin);
    const csv = String(body);
    expect(filename).toMatch(/^supplies-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.startsWith("\uFEFFSupply,Unit,On hand,Reorder level,Low stock\r\n")).toBe(true);
    expect(csv).toContain("\"Gloves, latex-free (M)\",boxes,12,5,no");
    expect(csv).toContain("'=cmd|' /C calc'!A0");
    expect(csv).not.toContain("Harbor");
    const es = String((await exportSupplies(admin, "csv", "es")).body);
    expect(es.startsWith("\uFEFFSuministro,Unidad,Existencias,Nivel de pedido,Existencias bajas\r\n")).toBe(true);
    expect(es).toContain("\"Gloves, latex-free (M)\",boxes,12,5,no");
    expect(await lastAudit("supply.export")).toMatchObject({ actorId: admin.id, clinicId: admin.clinicId });
    await expect(exportSupplies(await actorFor(DEMO.ana))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("exports the same rows as .xlsx with numeric stock and neutralised formulas, audited with its format", async () => {
    const admin = await actorFor(DEMO.admin);
    const file = await exportSupplies(admin, "xlsx");
    expect(file.filename).toMatch(/^supplies-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const ws = await readXlsx(file.body);
    expect(ws.getRow(1).values).toEqual([undefined, "Supply", "Unit", "On hand", "Reorder level", "Low stock"]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const gloves = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(1).value === "Gloves, latex-free (M)")!;
    expect(gloves.values).toEqual([undefined, "Gloves, latex-free (M)", "boxes", 12, 5, "no"]);
    expect(gloves.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getRows(2, ws.rowCount - 1)!.map((r) => r.getCell(1).value)).toContain("'=cmd|' /C calc'!A0");
    expect(ws.rowCount).toBe(file.rows + 1);
    expect(await lastAudit("supply.export")).toMatchObject({ actorId: admin.id, detail: { format: "xlsx", rows: file.rows } });
    await expect(exportSupplies(admin, "ods")).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(exportSupplies(await actorFor(DEMO.peter), "xlsx")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
