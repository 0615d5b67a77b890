import { describe, expect, it } from "vitest";
import { formatAge, formatDeadline, isOverdue, signoffDeadline } from "./signoff-deadline";

const LA = "America/Los_Angeles";

describe("sign-off deadline", () => {
  it("defaults to the end of the clinic day of submission", () => {
    const submitted = new Date("2026-03-10T23:30:00Z"); // 16:30 in Los Angeles (PDT)
    expect(signoffDeadline(submitted, LA, null).toISOString()).toBe("2026-03-11T07:00:00.000Z");
    expect(isOverdue(submitted, LA, null, new Date("2026-03-11T06:59:00Z"))).toBe(false);
    expect(isOverdue(submitted, LA, null, new Date("2026-03-11T07:00:00Z"))).toBe(true);
  });

  it("uses the clinic's hours when set", () => {
    const submitted = new Date("2026-03-10T10:00:00Z");
    expect(signoffDeadline(submitted, LA, 24).toISOString()).toBe("2026-03-11T10:00:00.000Z");
  });

  it("words deadlines the way people think of them", () => {
    const now = new Date("2026-03-10T18:00:00Z"); // 11:00 in Los Angeles
    expect(formatDeadline(new Date("2026-03-11T07:00:00Z"), LA, now)).toBe("Due by end of today");
    expect(formatDeadline(new Date("2026-03-12T07:00:00Z"), LA, now)).toBe("Due by end of Mar 11");
    expect(formatDeadline(new Date("2026-03-10T21:30:00Z"), LA, now)).toBe("Due today, 2:30 PM");
  });

  it("formats ages", () => {
    const now = new Date("2026-03-10T10:00:00Z");
    expect(formatAge(new Date("2026-03-10T09:48:00Z"), now)).toBe("12 min");
    expect(formatAge(new Date("2026-03-10T06:40:00Z"), now)).toBe("3 h 20 min");
    expect(formatAge(new Date("2026-03-08T06:00:00Z"), now)).toBe("2 d 4 h");
  });
});
