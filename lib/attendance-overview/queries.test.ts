import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicToday } from "@/lib/time";
import { exportAuditCsv, searchAuditEvents } from "@/lib/audit-log/queries";
import { auditFilterSchema } from "@/lib/audit-log/schemas";
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

describe("audit log viewer", () => {
  it("filters by user, action and dates within the clinic, pages by id, and audits viewing", async () => {
    const admin = await actorFor(DEMO.admin);
    const ana = await actorFor(DEMO.ana);
    const today = clinicToday(admin.clinic.timeZone);
    await searchAuditEvents(admin, auditFilterSchema.parse({}));
    const mine = await searchAuditEvents(admin, auditFilterSchema.parse({ userId: admin.id, action: "audit.", from: today, to: today }));
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.actorId === admin.id && r.action.startsWith("audit."))).toBe(true);
    expect((await searchAuditEvents(admin, auditFilterSchema.parse({ userId: ana.id, from: addDays(today, 2) }))).rows).toEqual([]);
    const [ev] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "audit.view")).orderBy(desc(auditEvents.id)).limit(1);
    expect(ev).toMatchObject({ actorId: admin.id });
    // another clinic's events never show
    const harbor = await actorFor(DEMO.harborAdmin);
    expect((await searchAuditEvents(harbor, auditFilterSchema.parse({ userId: admin.id }))).rows).toEqual([]);
  });

  it("exports CSV, neutralising formulas, and audits the export; refuses non-admins", async () => {
    const admin = await actorFor(DEMO.admin);
    const { csv, rows } = await exportAuditCsv(admin, auditFilterSchema.parse({ action: "audit.view" }));
    expect(csv.split("\r\n")[0]).toBe("id,at_utc,actor_id,actor_name,action,entity,entity_id,patient_id,patient_mrn,ip,user_agent,detail");
    expect(csv.split("\r\n").length).toBe(rows + 2);
    const [ev] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "audit.export")).orderBy(desc(auditEvents.id)).limit(1);
    expect(ev).toMatchObject({ actorId: admin.id, detail: { rows } });
    await expect(exportAuditCsv(await actorFor(DEMO.olivia), auditFilterSchema.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchAuditEvents(await actorFor(DEMO.ana), auditFilterSchema.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(() => auditFilterSchema.parse({ action: "DROP TABLE" })).toThrow();
  });
});
