import { beforeAll, describe, expect, it } from "vitest";
import { demo, demoId } from "@/db/seed";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { getPatientProgress, progressRange } from "./queries";

beforeAll(seedDemoOnce);

const p02 = demo.patient("sunrise", "p02");

describe("getPatientProgress", () => {
  it("gives the therapist goal series, attendance, attitude and signed entries with both names", async () => {
    const peter = await actorFor(DEMO.peter);
    const p = await getPatientProgress(peter, p02, progressRange(peter.clinic.timeZone));
    expect(p.figures.attendance.total).toBeGreaterThan(5);
    expect(p.figures.goals[0]?.points.length).toBeGreaterThan(3);
    expect(p.entries.length).toBeGreaterThan(3);
    expect(p.entries[0]).toMatchObject({ signedByLabel: "Peter Park, DPT", capturedByLabel: expect.stringContaining(", assistant") });
    expect(p.delegated).toBeNull();
  });

  it("shows an assistant only their delegated part: their goals and their own entries", async () => {
    const sam = await actorFor(DEMO.sam);
    const p = await getPatientProgress(sam, p02, progressRange(sam.clinic.timeZone));
    expect(p.delegated?.map((d) => d.taskType)).toEqual(["balance_activities"]);
    expect(p.goals.map((g) => g.id)).toEqual([demoId("sunrise:goal:p02:0")]);
    // Ana's sessions with this patient are not Sam's to see
    expect(p.entries).toEqual([]);
  });

  it("refuses admins (no clinical content), patients off the caseload and other clinics", async () => {
    const admin = await actorFor(DEMO.admin);
    await expect(getPatientProgress(admin, p02, progressRange(admin.clinic.timeZone))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ana = await actorFor(DEMO.ana);
    await expect(getPatientProgress(ana, demo.patient("sunrise", "p04"), progressRange(ana.clinic.timeZone))).rejects.toMatchObject({ code: "NOT_FOUND" });
    const theo = await actorFor(DEMO.theo);
    await expect(getPatientProgress(theo, p02, progressRange(theo.clinic.timeZone))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("accepts a date range and falls back to the last 8 weeks for bad input", () => {
    expect(progressRange("UTC", "2026-01-01", "2026-02-01")).toEqual({ from: "2026-01-01", to: "2026-02-01" });
    const r = progressRange("UTC", "junk", "2026-02-01");
    expect(r).toEqual({ from: "2025-12-08", to: "2026-02-01" });
  });
});
