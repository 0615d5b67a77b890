import { describe, expect, it } from "vitest";
import { BOM, csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("starts with a UTF-8 byte-order mark and uses CRLF rows", () => {
    const out = toCsv(["Name", "On hand"], [["Gloves (latex-free)", 12]]);
    expect(out.startsWith(BOM)).toBe(true);
    expect(out).toBe(`${BOM}Name,On hand\r\nGloves (latex-free),12\r\n`);
  });

  it("quotes commas, quotes and newlines", () => {
    expect(csvCell('Wipes, "large"')).toBe('"Wipes, ""large"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
  });

  it("neutralises cells a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
  });

  it("leaves numbers (including negatives) and accents alone", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("Théraband")).toBe("Théraband");
    expect(csvCell(null)).toBe("");
  });
});
