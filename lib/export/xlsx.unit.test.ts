import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renderExport, parseExportFormat, type ExportTable } from "./table";
import { readXlsx } from "@/lib/testing/xlsx";
import { toXlsx } from "./xlsx";

const table: ExportTable = {
  sheet: "Entries",
  columns: [
    { header: "session_date", type: "date" },
    { header: "at_utc", type: "datetime" },
    { header: "attitude", type: "number" },
    { header: "note" },
  ],
  rows: [
    ["2026-03-01", new Date("2026-03-01T17:05:09Z"), 4, '=HYPERLINK("http://evil")'],
    ["2026-03-02", null, -3.5, "-2 reps"],
    ["2026-03-03", new Date("2026-03-03T08:00:00Z"), null, "Lucía, 王小明\u0007 ok"],
  ],
};

describe("xlsx export", () => {
  it("writes typed dates and numbers under a bold, frozen, filtered header row", async () => {
    const ws = await readXlsx(await toXlsx(table));
    expect(ws.name).toBe("Entries");
    expect(ws.getRow(1).values).toEqual([undefined, "session_date", "at_utc", "attitude", "note"]);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:D1");
    expect(ws.rowCount).toBe(4);

    const a2 = ws.getCell("A2");
    expect(a2.type).toBe(ExcelJS.ValueType.Date);
    expect(a2.value).toEqual(new Date("2026-03-01T00:00:00Z"));
    expect(a2.numFmt).toBe("yyyy-mm-dd");
    const b2 = ws.getCell("B2");
    expect(b2.type).toBe(ExcelJS.ValueType.Date);
    expect(b2.value).toEqual(new Date("2026-03-01T17:05:09Z"));
    expect(b2.numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    expect(ws.getCell("C2")).toMatchObject({ type: ExcelJS.ValueType.Number, value: 4 });
    expect(ws.getCell("C3")).toMatchObject({ type: ExcelJS.ValueType.Number, value: -3.5 });
    expect(ws.getCell("B3").type).toBe(ExcelJS.ValueType.Null);
    expect(ws.getCell("C4").type).toBe(ExcelJS.ValueType.Null);
  });

  it("neutralises formula-like text as the CSV does and keeps Unicode text as written", async () => {
    const ws = await readXlsx(await toXlsx(table));
    expect(ws.getCell("D2")).toMatchObject({ type: ExcelJS.ValueType.String, value: `'=HYPERLINK("http://evil")` });
    expect(ws.getCell("D2").formula).toBeUndefined();
    expect(ws.getCell("D3").value).toBe("'-2 reps");
    // a control character XML cannot hold is dropped instead of corrupting the file
    expect(ws.getCell("D4").value).toBe("Lucía, 王小明 ok");
  });

  it("sizes columns to their content, within bounds", async () => {
    const wide: ExportTable = { sheet: "Wide", columns: [{ header: "id", type: "number" }, { header: "text" }], rows: [[1, "x".repeat(500)]] };
    const ws = await readXlsx(await toXlsx(wide));
    expect(ws.getColumn(1).width).toBe(8);
    expect(ws.getColumn(2).width).toBe(60);
    expect((await readXlsx(await toXlsx(table))).getColumn(2).width).toBe(20);
  });

  it("renders either format from one table, and refuses other formats", async () => {
    const csv = await renderExport(table, "csv", "entries-x");
    expect(csv).toMatchObject({ filename: "entries-x.csv", contentType: "text/csv; charset=utf-8", rows: 3 });
    expect(csv.body).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const xlsx = await renderExport(table, "xlsx", "entries-x");
    expect(xlsx.filename).toBe("entries-x.xlsx");
    expect(Buffer.from(xlsx.body as Uint8Array).subarray(0, 2).toString()).toBe("PK");
    expect(parseExportFormat(null)).toBe("csv");
    expect(parseExportFormat("xlsx")).toBe("xlsx");
    expect(() => parseExportFormat("xls")).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });
});
