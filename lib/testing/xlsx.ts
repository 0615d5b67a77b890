import ExcelJS from "exceljs";

/** Reads an export's .xlsx back the way a spreadsheet opens it: its first worksheet. */
export async function readXlsx(bytes: Uint8Array | string): Promise<ExcelJS.Worksheet> {
  if (typeof bytes === "string") throw new Error("expected an .xlsx body, got text");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error("the workbook has no worksheet");
  return ws;
}
