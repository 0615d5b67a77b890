import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { csvLines, toCsv, type Cell } from "./csv";
import { batches, type Rows } from "./rows";
import { toXlsx } from "./xlsx";

/**
 * One row builder per export, two formats: the same rows become the CSV (unchanged) or a typed Excel
 * sheet. Column types matter to Excel only; CSV writes every value as it always has.
 */
export type ColumnType = "text" | "number" | "date" | "datetime";
export type Column = { header: string; type?: ColumnType };
export type ExportTable = { sheet: string; columns: Column[]; rows: Rows };

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: "Choose the csv or xlsx format." }).default("csv");

/** The ?format= of an export URL: csv when absent, VALIDATION for anything but csv or xlsx. */
export function parseExportFormat(value: unknown): ExportFormat {
  const parsed = exportFormatSchema.safeParse(value ?? undefined);
  if (!parsed.success) throw new AppError("VALIDATION", { key: "errors.export.format" }, { format: ["errors.export.format"] });
  return parsed.data;
}

export type ExportFile = { body: string | Uint8Array; contentType: string; filename: string; rows: number };

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The table as a download named `${baseName}.csv` or `${baseName}.xlsx`. */
export async function renderExport(table: ExportTable, format: ExportFormat, baseName: string): Promise<ExportFile> {
  let rows = 0;
  async function* counted() {
    for await (const batch of batches(table.rows)) {
      rows += batch.length;
      yield batch;
    }
  }
  const body = format === "xlsx" ? await toXlsx({ ...table, rows: counted() }) : await csvOf(table.columns, counted());
  return { body, contentType: CONTENT_TYPE[format], filename: `${baseName}.${format}`, rows };
}

/** The CSV text, batch by batch: the same bytes toCsv writes for all rows at once. */
async function csvOf(columns: Column[], rows: AsyncIterable<Cell[][]>): Promise<string> {
  const parts = [toCsv(columns.map((c) => c.header), [])];
  for await (const batch of rows) parts.push(csvLines(batch));
  return parts.join("");
}
