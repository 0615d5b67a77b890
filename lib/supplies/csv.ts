/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents correctly), CRLF rows,
 * RFC 4180 quoting, and cells that a spreadsheet would run as a formula (= + - @ tab CR) prefixed
 * with an apostrophe (CSV injection).
 */
export const BOM = "\uFEFF";

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
