import { beforeAll, describe, expect, it } from "vitest";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicToday } from "@/lib/time";
import { attendanceOverview, rate } from "./queries";

beforeAll(seedDemoOnce);

describe("attendanceOverview", () => {
  it("counts per day and per patient over past days, per clinic, with no clinical fields", async () => {
    const admin = await actorFor(DEMO.admin);
    const today = clinicToday(admin.clinic.timeZone);
    const o = await attendanceOverview(admin, { from: addDays(today, -14), to: addDays(today, -1) });
    expect(o.byDay.length).toBeGreaterThanOrEqual(9);
    expect(o.totals.total).toBe(o.byDay.reduce((n, d) => n + d.total, 0));
    expect(o.totals.present + o.totals.late + o.totals.noShow + o.totals.cancelled + o.totals.unrecorded).toBe(o.totals.total);
    expect(o.byPatient).toHaveLength(12);
    expect(Object.keys(o.byPatient[0]!).sort()).toEqual(["cancelled", "late", "mrn", "name", "noShow", "patientId", "present", "total", "unrecorded"]);
    const harbor = await attendanceOverview(await actorFor(DEMO.harborAdmin), { from: addDays(today, -14), to: addDays(today, -1) });
    expect(harbor.byPatient.every((p) => p.mrn.startsWith("HR-"))).toBe(true);
    expect(rate(1, 4)).toBe("25%");
    expect(rate(0, 0)).toBe("—");
  });

  it("is for admins only", async () => {
    const today = clinicToday("America/Los_Angeles");
    await expect(attendanceOverview(await actorFor(DEMO.peter), { from: today, to: today })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
