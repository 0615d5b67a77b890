import { describe, expect, it } from "vitest";
import { z } from "zod";
import { auditFilterSchema } from "@/lib/audit-log/schemas";
import { precautionsSchema } from "@/lib/care/schemas";
import { encodePatientCursor, patientCursorSchema, patientSearchParams } from "@/lib/patients/schemas";
import { createSupplySchema } from "@/lib/supplies/schemas";
import { dayParam, isIsoDay, isoDay, NUL_MESSAGE, periodParams, readSearchParams, searchText, text } from "./validation";

const supply = { id: "3f1d2c4b-0000-4000-8000-00000000dead", name: "Gait belts", unit: "each", onHand: 1, reorderLevel: 0 };

describe("text(): NUL refused with a message that says what to remove", () => {
  it("refuses U+0000 anywhere, keeps the rest of the string API", () => {
    expect(text().trim().max(5).parse("  abc ")).toBe("abc");
    const r = text().safeParse("a\u0000b");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(NUL_MESSAGE);
  });
  it("every domain schema inherits it (a supply name, a precaution line)", () => {
    const r = createSupplySchema.safeParse({ ...supply, name: "Gait\u0000belts" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["name", NUL_MESSAGE]]);
    expect(createSupplySchema.safeParse(supply).success).toBe(true);
    expect(precautionsSchema.safeParse({ patientId: supply.id, version: 1, precautions: "Fall risk\n\u0000" }).success).toBe(false);
  });
  it("search boxes strip control characters instead, and never fail", () => {
    expect(searchText(80).parse("a\u0000b\u0007 ")).toBe("ab");
    expect(searchText(3).parse("abcdef")).toBe("abc");
    expect(searchText(80).parse(undefined)).toBe("");
    expect(searchText(80).parse(["x"])).toBe("");
  });
});

describe("isoDay(): the pattern and a real calendar day", () => {
  it("accepts real days, leap days included", () => {
    for (const d of ["2026-01-05", "2024-02-29", "2000-02-29", "1900-01-01", "2999-12-31"]) expect(isIsoDay(d)).toBe(true);
  });
  it("refuses impossible days that match YYYY-MM-DD", () => {
    for (const d of ["2026-13-01", "0000-00-00", "2026-02-30", "2025-02-29", "1900-02-29", "2026-04-31", "2026-00-10", "2026-01-00", "9999-12-31", "1899-12-31"]) expect(isIsoDay(d)).toBe(false);
    for (const d of ["2026-1-1", "", "2026-01-05T00:00", " 2026-01-05", undefined, 20260105]) expect(isIsoDay(d)).toBe(false);
    expect(isoDay("Enter a real date.").safeParse("2026-13-01").error?.issues[0]?.message).toBe("Enter a real date.");
  });
  it("query-string days fall back to the page's default", () => {
    expect(dayParam("2026-13-01")).toBeUndefined();
    expect(dayParam(["2026-03-02", "x"])).toBe("2026-03-02");
    expect(periodParams("2026-03-31", "0000-00-00", "2026-13-01", 28)).toEqual({ from: "2026-03-04", to: "2026-03-31" });
    expect(periodParams("2026-03-31", "2026-03-10", "2026-03-20", 28)).toEqual({ from: "2026-03-10", to: "2026-03-20" });
    expect(periodParams("2026-03-31", "2026-03-25", "2026-03-20", 28)).toEqual({ from: "2026-02-21", to: "2026-03-20" });
    expect(auditFilterSchema.safeParse({ to: "0000-00-00" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ before: "99999999999999999999" }).success).toBe(false);
  });
});

describe("the patient list's keyset cursor", () => {
  const row = ["Testwell", "Marguerite", "8c4d6255-b673-5aed-a2c5-a37018e4bee6"] as const;
  it("round-trips, names with accents too", () => {
    expect(patientCursorSchema.parse(encodePatientCursor([...row]))).toEqual(row);
    expect(patientCursorSchema.parse(encodePatientCursor(["Demoreyes", "Lucía", row[2]]))[1]).toBe("Lucía");
  });
  it("refuses a forged cursor before it reaches SQL", () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const c of [b64(["a", "b", "not-a-uuid"]), b64(["a\u0000", "b", row[2]]), b64({ x: 1 }), b64(["a", "b"]), "not-base64!!", "%00", ""]) {
      expect(patientCursorSchema.safeParse(c).success, c).toBe(false);
    }
  });
});

describe("readSearchParams", () => {
  it("gives each bad field its default and names it; good fields are kept", () => {
    const { values, invalid } = readSearchParams(patientSearchParams, { q: ["a\u0000b", "x"], status: "nope", after: "%00" });
    expect(values).toEqual({ q: "ab", status: "active", after: undefined });
    expect(invalid.sort()).toEqual(["after", "status"]);
    expect(readSearchParams(patientSearchParams, { status: "all", constructor: "x" })).toEqual({ values: { q: "", status: "all", after: undefined }, invalid: [] });
  });
  it("a field without a default falls back to undefined", () => {
    expect(readSearchParams({ n: z.coerce.number().int() }, { n: "x" })).toEqual({ values: { n: undefined }, invalid: ["n"] });
  });
});
