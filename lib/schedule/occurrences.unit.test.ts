import { describe, expect, it } from "vitest";
import { clinicTime } from "@/lib/time";
import { weeklyOccurrences } from "./occurrences";

describe("weeklyOccurrences", () => {
  it("keeps the local time across the November daylight-saving change", () => {
    // 2026-11-01 clocks go back in America/Los_Angeles (PDT -7 → PST -8)
    const occ = weeklyOccurrences({
      startsOn: "2026-10-19",
      weekdays: [1],
      startTime: "09:00",
      durationMinutes: 45,
      timeZone: "America/Los_Angeles",
      count: 4,
    });
    expect(occ.map((o) => o.date)).toEqual(["2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09"]);
    expect(occ.map((o) => clinicTime(o.startsAt, "America/Los_Angeles"))).toEqual(["09:00", "09:00", "09:00", "09:00"]);
    expect(occ.map((o) => o.startsAt.toISOString())).toEqual([
      "2026-10-19T16:00:00.000Z",
      "2026-10-26T16:00:00.000Z",
      "2026-11-02T17:00:00.000Z",
      "2026-11-09T17:00:00.000Z",
    ]);
    expect(occ.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 45 * 60_000)).toBe(true);
  });

  it("books the chosen weekdays until a date, inclusive", () => {
    const occ = weeklyOccurrences({
      startsOn: "2026-11-02",
      weekdays: [1, 3, 5],
      startTime: "17:00",
      durationMinutes: 30,
      timeZone: "America/New_York",
      untilOn: "2026-11-13",
    });
    expect(occ.map((o) => o.date)).toEqual(["2026-11-02", "2026-11-04", "2026-11-06", "2026-11-09", "2026-11-11", "2026-11-13"]);
  });

  it("stops after N occurrences and never runs away", () => {
    expect(weeklyOccurrences({ startsOn: "2026-01-01", weekdays: [7], startTime: "10:00", durationMinutes: 30, timeZone: "UTC", count: 3 })).toHaveLength(3);
    expect(weeklyOccurrences({ startsOn: "2026-01-01", weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: "10:00", durationMinutes: 30, timeZone: "UTC", count: 5000 })).toHaveLength(104);
  });
});
