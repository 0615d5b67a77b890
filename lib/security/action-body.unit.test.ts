import { describe, expect, it } from "vitest";
import { isWellFormedActionBody } from "./action-body";

describe("server-action body check", () => {
  it("accepts what React sends for plain arguments", () => {
    expect(isWellFormedActionBody(JSON.stringify([{ a: "x", n: 1, list: [true, null], d: "$D2026-11-27T10:00:00.000Z" }]))).toBe(true);
    expect(isWellFormedActionBody(JSON.stringify(["$$escaped dollar", "$undefined"]))).toBe(true);
    expect(isWellFormedActionBody("[]")).toBe(true);
  });
  it("refuses broken or hostile bodies", () => {
    for (const body of ["", "{", "null", "123", '{"a":1}', '["$1"]', '["$@2"]', '[{"__proto__":{"admin":true}}]', `${"[".repeat(100)}${"]".repeat(100)}`]) {
      expect(isWellFormedActionBody(body)).toBe(false);
    }
  });
});
