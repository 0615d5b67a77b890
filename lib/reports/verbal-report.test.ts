import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { auditEvents, concerns, verbalReports } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { clinicToday } from "@/lib/time";
import { logVerbalReport } from "./log-verbal-report";
import { raiseConcern } from "./raise-concern";
import { verbalReportsFor, verbalReportTargets } from "./verbal-report-queries";

beforeAll(seedDemoOnce);

const appt = (clinic: string, patient: string, time: string, tz = "America/Los_Angeles") => demoId(`${clinic}:appt:${patient}:${clinicToday(tz)}:${time}`);
const peter = () => demo.user("sunrise", "peter");

describe("logVerbalReport", () => {
  it("logs to whom, when and one line for the aide's own session; a retry makes one row; audited without the text", async () => {
    const ana = await actorFor(DEMO.ana);
    const input = { id: randomUUID(), appointmentId: appt("sunrise", "p01", "08:00"), therapistId: peter(), summary: "Told Peter: hip pain 6/10 after exercise" };
    const first = await logVerbalReport(ana, input);
    expect(first).toMatchObject({ id: input.id, therapistLabel: "Peter Park, DPT" });
    expect(await logVerbalReport(ana, input)).toEqual(first);
    const rows = await getDb().select().from(verbalReports).where(eq(verbalReports.id, input.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ reportedBy: ana.id, patientId: demo.patient("sunrise", "p01"), therapistId: peter() });
    const events = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "verbal_report.log"), eq(auditEvents.entityId, input.id)));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.detail)).not.toContain("hip pain");
    const shown = await verbalReportsFor(input.appointmentId);
    expect(shown.map((r) => r.summary)).toContain(input.summary);
  });

  it("takes an earlier time, and one of the aide's supervisors as well as the session's therapist", async () => {
    const ana = await actorFor(DEMO.ana);
    const at = new Date(Date.now() - 15 * 60_000).toISOString();
    const r = await logVerbalReport(ana, { id: randomUUID(), appointmentId: appt("sunrise", "p01", "08:00"), therapistId: demo.user("sunrise", "olivia"), reportedAt: at, summary: "Told Olivia too" });
    expect(r.reportedAt).toBe(at);
    const targets = await verbalReportTargets(ana, { id: peter(), label: "Peter Park, DPT" });
    expect(targets[0]!.id).toBe(peter());
    expect(targets.map((t) => t.id)).toContain(demo.user("sunrise", "olivia"));
  });

  it("refuses a wrong role, another aide's or clinic's appointment, a therapist who is not involved, a future time, an empty line", async () => {
    const ana = await actorFor(DEMO.ana);
    const base = { id: randomUUID(), appointmentId: appt("sunrise", "p01", "08:00"), therapistId: peter(), summary: "Something" };
    await expect(logVerbalReport(await actorFor(DEMO.peter), base)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(logVerbalReport(ana, { ...base, appointmentId: appt("sunrise", "p04", "09:00") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(logVerbalReport(ana, { ...base, appointmentId: appt("harbor", "p01", "09:00", "America/New_York") })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(logVerbalReport(ana, { ...base, therapistId: demo.user("harbor", "theo") })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(logVerbalReport(ana, { ...base, therapistId: demo.user("sunrise", "sam") })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(logVerbalReport(ana, { ...base, reportedAt: new Date(Date.now() + 3_600_000).toISOString() })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(logVerbalReport(ana, { ...base, summary: " " })).rejects.toMatchObject({ name: "ZodError" });
    await expect(logVerbalReport(ana, { ...base, reportedAt: "at lunch" })).rejects.toMatchObject({ name: "ZodError" });
    expect(await getDb().select().from(verbalReports).where(eq(verbalReports.id, base.id))).toHaveLength(0);
  });
});

describe("raiseConcern with Other", () => {
  it("needs a description for Other, and keeps the text for the therapist", async () => {
    const ana = await actorFor(DEMO.ana);
    const base = { id: randomUUID(), patientId: demo.patient("sunrise", "p01"), appointmentId: appt("sunrise", "p01", "08:00"), kind: "other" as const };
    await expect(raiseConcern(ana, { ...base, text: "" })).rejects.toMatchObject({ name: "ZodError" });
    await raiseConcern(ana, { ...base, text: "Skin tear on the left shin" });
    const [c] = await getDb().select().from(concerns).where(eq(concerns.id, base.id));
    expect(c).toMatchObject({ kind: "other", text: "Skin tear on the left shin", therapistId: peter() });
  });
});
