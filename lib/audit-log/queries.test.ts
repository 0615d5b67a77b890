import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicToday } from "@/lib/time";
import { auditActions, exportAuditCsv, searchAuditEvents } from "./queries";
import { auditFilterSchema } from "./schemas";

beforeAll(seedDemoOnce);

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
    expect(csv.split("\r\n")[0]).toBe("\uFEFFid,at_utc,actor_id,actor_name,action,entity,entity_id,patient_id,patient_mrn,ip,user_agent,detail");
    expect(csv.split("\r\n").length).toBe(rows + 2);
    const [ev] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "audit.export")).orderBy(desc(auditEvents.id)).limit(1);
    expect(ev).toMatchObject({ actorId: admin.id, detail: { rows } });
    await getDb().insert(auditEvents).values({ clinicId: admin.clinicId, actorId: admin.id, action: "zz.test", entity: "route", entityId: '=HYPERLINK("x")' });
    const hostile = await exportAuditCsv(admin, auditFilterSchema.parse({ action: "zz.test" }));
    expect(hostile.csv).toContain(`"'=HYPERLINK(""x"")"`); // one CSV writer for every export: lib/export/csv.ts
    await expect(exportAuditCsv(await actorFor(DEMO.olivia), auditFilterSchema.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(searchAuditEvents(await actorFor(DEMO.ana), auditFilterSchema.parse({}))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(() => auditFilterSchema.parse({ action: "DROP TABLE" })).toThrow();
  });

  it("lists the clinic's distinct action names in order, and none of another clinic's", async () => {
    const admin = await actorFor(DEMO.admin);
    const harbor = await actorFor(DEMO.harborAdmin);
    await getDb().insert(auditEvents).values([
      { clinicId: harbor.clinicId, actorId: harbor.id, action: "zz.harbor_only", entity: "route" },
      { clinicId: admin.clinicId, actorId: admin.id, action: "aa.sunrise_only", entity: "route" },
      { clinicId: admin.clinicId, actorId: admin.id, action: "aa.sunrise_only", entity: "route" },
    ]);
    const expected = (
      await getDb().selectDistinct({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.clinicId, admin.clinicId)).orderBy(auditEvents.action)
    ).map((r) => r.action); // the database's collation decides the order
    const names = await auditActions(admin);
    expect(names).toEqual(expected);
    expect(names).toContain("aa.sunrise_only");
    expect(names).not.toContain("zz.harbor_only");
    expect(await auditActions(harbor)).toContain("zz.harbor_only");
    await expect(auditActions(await actorFor(DEMO.ana))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
