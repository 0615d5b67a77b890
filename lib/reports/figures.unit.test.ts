import { describe, expect, it } from "vitest";
import { compileFigures } from "./figures";

describe("compileFigures", () => {
  it("counts attendance, averages attitude and orders goal series", () => {
    const f = compileFigures({
      appointments: [
        { date: "2026-03-02", attendance: "present" },
        { date: "2026-03-03", attendance: "late" },
        { date: "2026-03-04", attendance: "no_show" },
        { date: "2026-03-05", attendance: "present" },
        { date: "2026-03-06", attendance: null },
      ],
      entries: [
        { date: "2026-03-05", attitude: 5, accomplishments: "Stairs" },
        { date: "2026-03-02", attitude: 3, accomplishments: "" },
        { date: "2026-03-03", attitude: 4, accomplishments: " Walked " },
      ],
      goalPoints: [
        { goalId: "g", description: "Walk", unit: "ft", baseline: 40, target: 150, date: "2026-03-05", value: 90, assistLevel: "supervision" },
        { goalId: "g", description: "Walk", unit: "ft", baseline: 40, target: 150, date: "2026-03-02", value: 60, assistLevel: "minimal" },
      ],
    });
    expect(f.attendance).toEqual({ present: 2, late: 1, no_show: 1, cancelled: 0, total: 4, rate: 75 });
    expect(f.attitude.average).toBe(4);
    expect(f.attitude.trend).toBe("improving");
    expect(f.goals[0]).toMatchObject({ first: 60, last: 90, points: [{ date: "2026-03-02" }, { date: "2026-03-05" }] });
    expect(f.accomplishments).toEqual([
      { date: "2026-03-03", text: "Walked" },
      { date: "2026-03-05", text: "Stairs" },
    ]);
  });

  it("is empty-safe", () => {
    const f = compileFigures({ appointments: [], entries: [], goalPoints: [] });
    expect(f.attendance.rate).toBeNull();
    expect(f.attitude).toEqual({ points: [], average: null, trend: null });
  });
});
