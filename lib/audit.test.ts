import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, clinics } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { audit } from "./audit";

beforeAll(seedDemoOnce);

describe("audit trail", () => {
  it("records who, what, which patient, when and from where", async () => {
    const actor = await actorFor(DEMO.peter);
    await audit(getDb(), actor, { action: "test.event", entity: "patient", entityId: "p1", patientId: null, detail: { field: "x" } });
    const [row] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, "test.event"));
    expect(row).toMatchObject({ actorId: actor.id, clinicId: actor.clinicId, ip: "203.0.113.7", userAgent: "vitest", detail: { field: "x" } });
    expect(row?.at).toBeInstanceOf(Date);
  });

  it("the database refuses UPDATE, DELETE and TRUNCATE of audit events", async () => {
    const db = getDb();
    const appendOnly = (err: unknown) => /append-only/.test(String((err as { cause?: Error }).cause?.message));
    await expect(db.update(auditEvents).set({ action: "tampered" })).rejects.toSatisfy(appendOnly);
    await expect(db.delete(auditEvents)).rejects.toSatisfy(appendOnly);
    await expect(db.execute(sql`truncate audit_events`)).rejects.toSatisfy(appendOnly);
    const tampered = await db.select().from(auditEvents).where(eq(auditEvents.action, "tampered"));
    expect(tampered).toHaveLength(0);
  });

  it("a failed write in the same transaction leaves no audit row, and a failed audit rolls the write back", async () => {
    const actor = await actorFor(DEMO.admin);
    const db = getDb();
    await expect(
      db.transaction(async (tx) => {
        await audit(tx, actor, { action: "test.rolled_back", entity: "clinic" });
        throw new Error("write failed");
      }),
    ).rejects.toThrow("write failed");
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "test.rolled_back"))).toHaveLength(0);

    await expect(
      db.transaction(async (tx) => {
        await tx.update(clinics).set({ name: "Renamed" }).where(eq(clinics.id, actor.clinicId));
        // action is NOT NULL: the audit insert fails
        await audit(tx, actor, { action: null as unknown as string, entity: "clinic" });
      }),
    ).rejects.toThrow();
    const [c] = await db.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, actor.clinicId));
    expect(c?.name).toBe("Sunrise Therapy Center");
  });
});
