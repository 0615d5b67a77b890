/**
 * CSV that opens cleanly in Excel: UTF-8 BOM, CRLF rows, RFC 4180 quoting, and no formula injection
 * (OWASP): a cell starting with = + - @, tab or carriage return is prefixed with a single quote so a
 * spreadsheet shows it as text instead of running it.
 */
export type Cell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one formula-injection rule of every export (CSV and Excel): text that a spreadsheet would run as
 * a formula gets a leading single quote and is shown as text.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: Cell): string {
  let s: string;
  if (value === null || value === undefined) s = "";
  else if (value instanceof Date) s = value.toISOString();
  else if (typeof value === "number") s = Number.isFinite(value) ? String(value) : "";
  else s = String(value);
  // Numbers are data, not formulas, even when negative.
  if (typeof value !== "number") s = neutraliseFormula(s);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV lines, each ending in CRLF (no BOM, no header: for writing in batches). */
export function csvLines(rows: Cell[][]): string {
  return rows.map((r) => `${r.map(csvCell).join(",")}\r\n`).join("");
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return `\uFEFF${csvLines([header, ...rows])}`;
}
