import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csv", () => {
  it("escapes formula-like cells so spreadsheets show them as text", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+1 555")).toBe("'+1 555");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("\rcmd")).toBe(`"'\rcmd"`);
    expect(csvCell("safe = fine")).toBe("safe = fine");
  });

  it("keeps real numbers as numbers, negative ones too", () => {
    expect(csvCell(-3.5)).toBe("-3.5");
    expect(csvCell(42)).toBe("42");
  });

  it("quotes commas, quotes and newlines", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell(null)).toBe("");
  });

  it("writes a UTF-8 BOM, ISO dates and CRLF rows", () => {
    const out = toCsv(["date", "note"], [[new Date("2026-03-01T17:00:00Z"), "Lucía, ok"]]);
    expect(out.startsWith("\uFEFFdate,note\r\n")).toBe(true);
    expect(out).toContain('2026-03-01T17:00:00.000Z,"Lucía, ok"\r\n');
  });
});
