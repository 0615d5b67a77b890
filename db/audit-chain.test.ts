import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { verifyAuditChain } from "./audit-chain";
import { getDb } from "./client";
import { auditEvents } from "./schema";

beforeAll(seedDemoOnce);

/** What someone with superuser access could do: bypass the append-only trigger. */
async function asSuperuser(statement: ReturnType<typeof sql>) {
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

describe("tamper-evident audit chain", () => {
  it("chains every event per clinic, also under concurrent writers", async () => {
    const [ana, hana] = await Promise.all([actorFor(DEMO.ana), actorFor(DEMO.harborAdmin)]);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        getDb().transaction(async (tx) => audit(tx, i % 2 ? ana : hana, { action: "test.concurrent", entity: "x", detail: { i } })),
      ),
    );
    await audit(getDb(), { id: null, clinicId: null, ip: null, userAgent: null }, { action: "test.anonymous", entity: "x" });
    const report = await verifyAuditChain(getDb());
    expect(report.broken).toEqual([]);
    expect(report.events).toBeGreaterThanOrEqual(21);
    expect(report.chains).toBeGreaterThanOrEqual(3);
  });

  it("finds an altered row and a removed row, even when the append-only trigger is bypassed", async () => {
    const [ana, hana] = await Promise.all([actorFor(DEMO.ana), actorFor(DEMO.harborAdmin)]);
    for (let i = 0; i < 3; i++) {
      await audit(getDb(), ana, { action: "test.sunrise", entity: "x", detail: { i } });
      await audit(getDb(), hana, { action: "test.harbor", entity: "x", detail: { i } });
    }
    const [victim] = await getDb()
      .select({ id: auditEvents.id, seq: auditEvents.chainSeq })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "test.sunrise"), sql`${auditEvents.detail}->>'i' = '1'`));
    await asSuperuser(sql`update audit_events set detail = '{"i": 99}' where id = ${victim!.id}`);

    const [removed] = await getDb()
      .select({ id: auditEvents.id, seq: auditEvents.chainSeq })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "test.harbor"), sql`${auditEvents.detail}->>'i' = '1'`));
    await asSuperuser(sql`delete from audit_events where id = ${removed!.id}`);

    const report = await verifyAuditChain(getDb());
    expect(report.broken).toEqual(
      expect.arrayContaining([
        { clinicId: ana.clinicId, chainSeq: victim!.seq, eventId: victim!.id, reason: "altered" },
        expect.objectContaining({ clinicId: hana.clinicId, chainSeq: removed!.seq! + 1, reason: "removed_before" }),
      ]),
    );
  });
});
