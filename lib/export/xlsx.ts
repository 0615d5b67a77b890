import "server-only";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { neutraliseFormula, type Cell } from "./csv";
import { isIsoDay } from "@/lib/validation";
import { batches } from "./rows";
import type { Column, ExportTable } from "./table";

const NUM_FMT: Partial<Record<NonNullable<Column["type"]>, string>> = { date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm:ss" };
const MAX_CELL_TEXT = 32_767; // Excel refuses longer cells
// characters XML 1.0 cannot carry: one of them makes the whole workbook unreadable
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

type XlsxValue = string | number | Date | null;

/** A value as Excel should hold it: typed dates and numbers, text neutralised like the CSV's. */
export function xlsxValue(value: Cell, type: Column["type"] = "text"): XlsxValue {
  if (value === null || value === undefined || value === "") return null;
  if ((type === "date" || type === "datetime") && value instanceof Date) return value;
  // a clinic-local calendar day: midnight of that day, shown as a date (Excel dates have no zone)
  if (type === "date" && isIsoDay(value)) return new Date(`${value}T00:00:00Z`);
  if (type === "number" && typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "number" && type !== "text") return value;
  const text = value instanceof Date ? value.toISOString() : String(value);
  return neutraliseFormula(text.replace(XML_INVALID, "")).slice(0, MAX_CELL_TEXT);
}

/** Column width in characters from the header and the first rows, within 8–60. */
function width(c: Column, i: number, sample: Cell[][]): number {
  if (c.type === "datetime") return 20;
  if (c.type === "date") return 12;
  let w = c.header.length;
  for (const row of sample.slice(0, 500)) w = Math.max(w, Math.min(60, String(row[i] ?? "").length));
  return Math.max(8, Math.min(60, w + 2));
}

/**
 * The table as an .xlsx: header row in bold, frozen under it, with a filter; column widths; rows written
 * batch by batch through exceljs's streaming WorkbookWriter, which zips each committed row out at once
 * instead of keeping a workbook model of every cell in memory.
 */
export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "TheraTrack";
  const ws = wb.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  // widths must be set before the first row is written: they come from the first batch
  const it = batches(table.rows)[Symbol.asyncIterator]();
  const first = await it.next();
  const sample = first.done ? [] : first.value;
  ws.columns = table.columns.map((c, i) => ({ key: String(i), width: width(c, i, sample), style: NUM_FMT[c.type ?? "text"] ? { numFmt: NUM_FMT[c.type ?? "text"] } : {} }));
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  for (let batch = first; !batch.done; batch = await it.next()) {
    for (const row of batch.value) ws.addRow(table.columns.map((c, i) => xlsxValue(row[i], c.type))).commit();
  }
  ws.commit();
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
