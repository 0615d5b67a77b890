import { describe, expect, it } from "vitest";
import { addDays, clinicDate, clinicDayRange, clinicTime, isoWeekday, weekStart, zonedToUtc } from "./time";
import { formatClinicDateTime, formatClinicTime, formatClinicTimeRange, formatDay, formatNumber, formatPercent } from "./time";

const LA = "America/Los_Angeles";

describe("clinic time", () => {
  it("knows the clinic's date, not the server's", () => {
    // 05:00 UTC on the 28th is still the evening of the 27th in Los Angeles
    expect(clinicDate(new Date("2026-11-28T05:00:00Z"), LA)).toBe("2026-11-27");
    expect(clinicDate(new Date("2026-11-28T05:00:00Z"), "Asia/Tokyo")).toBe("2026-11-28");
  });

  it("converts wall-clock times on both sides of the November change", () => {
    expect(zonedToUtc("2026-10-30", "09:00", LA).toISOString()).toBe("2026-10-30T16:00:00.000Z"); // PDT
    expect(zonedToUtc("2026-11-02", "09:00", LA).toISOString()).toBe("2026-11-02T17:00:00.000Z"); // PST
    expect(clinicTime(zonedToUtc("2026-11-02", "09:00", LA), LA)).toBe("09:00");
  });

  it("takes the first 01:30 on the night clocks go back, and moves 02:30 forward in the March gap", () => {
    expect(zonedToUtc("2026-11-01", "01:30", LA).toISOString()).toBe("2026-11-01T08:30:00.000Z");
    expect(zonedToUtc("2027-03-14", "02:30", LA).toISOString()).toBe("2027-03-14T10:30:00.000Z");
  });

  it("days are 23 or 25 hours long on DST days", () => {
    const back = clinicDayRange("2026-11-01", LA);
    expect((back.end.getTime() - back.start.getTime()) / 3_600_000).toBe(25);
    const fwd = clinicDayRange("2027-03-14", LA);
    expect((fwd.end.getTime() - fwd.start.getTime()) / 3_600_000).toBe(23);
  });

  it("does calendar arithmetic on dates", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(weekStart("2026-11-29")).toBe("2026-11-23");
  });
});

describe("locale formatters (one set for every page)", () => {
  const start = new Date("2026-12-01T16:00:00Z");
  const end = new Date("2026-12-01T16:45:00Z");
  const la = "America/Los_Angeles";
  it("formats times per locale in the clinic's zone", () => {
    expect(formatClinicTime(start, la, "en")).toBe("8:00 AM");
    expect(formatClinicTime(start, la, "es")).toBe("8:00");
    expect(formatClinicTime(start, "America/New_York", "en")).toBe("11:00 AM");
    expect(formatClinicTimeRange(start, end, la, "en").replace(/\s/g, " ")).toBe("8:00 – 8:45 AM");
    expect(formatClinicTimeRange(start, end, la, "es")).toBe("8:00–8:45");
    expect(formatClinicDateTime(start, la, "en")).toBe("Dec 1, 8:00 AM");
    expect(formatClinicDateTime(start, la, "es")).toBe("1 dic, 8:00");
  });
  it("formats calendar days without a zone shift, and numbers per locale", () => {
    expect(formatDay("2026-12-01", "en", "long")).toBe("Tuesday, December 1, 2026");
    expect(formatDay("2026-12-01", "es", "long")).toBe("martes, 1 de diciembre de 2026");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
    expect(formatNumber(1234.5, "es")).toBe("1234,5");
    expect(formatNumber(12345.5, "es")).toBe("12.345,5");
    expect(formatPercent(0.834, "en")).toBe("83%");
    expect(formatPercent(0.834, "es").replace(/\s/g, " ")).toBe("83 %");
  });
});
