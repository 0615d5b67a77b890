import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { getClinicSettings } from "./queries";
import { updateClinicSettings } from "./update-clinic-settings";

beforeAll(seedDemoOnce);

describe("updateClinicSettings", () => {
  it("saves, bumps the version and audits before/after", async () => {
    const admin = await actorFor(DEMO.admin);
    const before = await getClinicSettings(admin);
    const res = await updateClinicSettings(admin, { timeZone: "America/Denver", signoffDeadlineHours: "24", idleTimeoutMinutes: "10", version: before.version });
    expect(res.version).toBe(before.version + 1);
    expect(await getClinicSettings(admin)).toMatchObject({ timeZone: "America/Denver", signoffDeadlineHours: 24, idleTimeoutMinutes: 10 });
    const [ev] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "clinic.settings_update")).orderBy(desc(auditEvents.id));
    expect(ev).toMatchObject({ actorId: admin.id, clinicId: admin.clinicId, detail: { before: { timeZone: "America/Los_Angeles" } } });
  });

  it("refuses a stale version as a conflict instead of overwriting", async () => {
    const admin = await actorFor(DEMO.admin);
    const s = await getClinicSettings(admin);
    await updateClinicSettings(admin, { timeZone: s.timeZone, signoffDeadlineHours: "", idleTimeoutMinutes: "15", version: s.version });
    await expect(
      updateClinicSettings(admin, { timeZone: "UTC", signoffDeadlineHours: "", idleTimeoutMinutes: "5", version: s.version }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getClinicSettings(admin)).signoffDeadlineHours).toBeNull();
  });

  it("rejects invalid values with field messages", async () => {
    const admin = await actorFor(DEMO.admin);
    const s = await getClinicSettings(admin);
    await expect(updateClinicSettings(admin, { timeZone: "Mars/Olympus", signoffDeadlineHours: "0", idleTimeoutMinutes: "60", version: s.version })).rejects.toMatchObject({
      name: "ZodError",
    });
  });

  it("rejects other roles, and only ever touches the actor's own clinic", async () => {
    for (const email of [DEMO.peter, DEMO.ana]) {
      const a = await actorFor(email);
      await expect(updateClinicSettings(a, { timeZone: "UTC", signoffDeadlineHours: "", idleTimeoutMinutes: "5", version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const harbor = await actorFor(DEMO.harborAdmin);
    const hs = await getClinicSettings(harbor);
    await updateClinicSettings(harbor, { timeZone: "America/Chicago", signoffDeadlineHours: "", idleTimeoutMinutes: "15", version: hs.version });
    expect((await getClinicSettings(await actorFor(DEMO.admin))).timeZone).not.toBe("America/Chicago");
  });
});
