import { describe, expect, it } from "vitest";
import { initialsOf, pinProblem } from "./pin-rules";

describe("PIN rules (NIST SP 800-63B blocklist advice)", () => {
  it("refuses short, non-digit, repeated, sequential, mirrored and common PINs", () => {
    expect(pinProblem("12345")).toBe("length");
    expect(pinProblem("1234567890123")).toBe("length");
    expect(pinProblem("12a456")).toBe("digits");
    for (const pin of ["000000", "111111", "123456", "654321", "890123", "0123456789", "121212", "123123", "12341234", "123321", "112233", "159753"]) {
      expect(pinProblem(pin), pin).toBe("guessable");
    }
  });
  it("accepts other PINs of 6 to 12 digits", () => {
    for (const pin of ["274915", "8302741", "50419736", "503817", "864209"]) expect(pinProblem(pin), pin).toBeNull();
  });
  it("makes initials for the lock screen's list", () => {
    expect(initialsOf("Ana Alvarez")).toBe("AA");
    expect(initialsOf("Sam")).toBe("S");
    expect(initialsOf("María José de la Cruz")).toBe("MC");
  });
});
