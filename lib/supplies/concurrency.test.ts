import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { supplies, supplyMovements } from "@/db/schema";
import { demoId } from "@/db/seed";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { recordSupplyMovement } from "./record-supply-movement";

beforeAll(seedDemoOnce);

// PGlite has one connection and runs these one after another, which proves nothing about races:
// this needs a real PostgreSQL server with a connection pool (CI sets DATABASE_URL).
describe.skipIf(!process.env.DATABASE_URL)("supply movements under concurrency (real PostgreSQL only: needs DATABASE_URL)", () => {
  it("20 concurrent movements: none is lost and stock never goes negative", async () => {
    const [ana, sam, peter] = await Promise.all([actorFor(DEMO.ana), actorFor(DEMO.sam), actorFor(DEMO.peter)]);
    const gloves = demoId("sunrise:supply:glovesL");
    await getDb().update(supplies).set({ onHand: 50 }).where(eq(supplies.id, gloves));
    const actors = [ana, sam, peter];
    // 12 uses of 3 and 8 restocks of 2: 50 - 36 + 16 = 30, and no ordering can reach below zero
    const moves = Array.from({ length: 20 }, (_, i) => ({
      id: crypto.randomUUID(),
      supplyId: gloves,
      kind: i % 5 < 3 ? ("use" as const) : ("restock" as const),
      quantity: i % 5 < 3 ? 3 : 2,
    }));
    const results = await Promise.allSettled(moves.map((m, i) => recordSupplyMovement(actors[i % 3]!, m)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const expected = 50 + moves.reduce((s, m) => s + (m.kind === "use" ? -m.quantity : m.quantity), 0);
    const [row] = await getDb().select({ onHand: supplies.onHand }).from(supplies).where(eq(supplies.id, gloves));
    expect(row!.onHand).toBe(expected);
    expect(await getDb().select().from(supplyMovements).where(eq(supplyMovements.supplyId, gloves))).toHaveLength(20);
  });

  it("20 concurrent uses of a stock of 10: exactly 10 succeed, the rest are refused, stock ends at 0", async () => {
    const ana = await actorFor(DEMO.ana);
    const belts = demoId("sunrise:supply:gaitBelts");
    await getDb().update(supplies).set({ onHand: 10 }).where(eq(supplies.id, belts));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => recordSupplyMovement(ana, { id: crypto.randomUUID(), supplyId: belts, kind: "use", quantity: 1 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    for (const r of results.filter((x) => x.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    const [row] = await getDb().select({ onHand: supplies.onHand }).from(supplies).where(eq(supplies.id, belts));
    expect(row!.onHand).toBe(0);
    expect(await getDb().select().from(supplyMovements).where(eq(supplyMovements.supplyId, belts))).toHaveLength(10);
  });

  it("the same retried movement sent 10 times at once is recorded once", async () => {
    const ana = await actorFor(DEMO.ana);
    const wipes = demoId("sunrise:supply:wipes");
    const [before] = await getDb().select({ onHand: supplies.onHand }).from(supplies).where(eq(supplies.id, wipes));
    const input = { id: crypto.randomUUID(), supplyId: wipes, kind: "use", quantity: 1 };
    await Promise.all(Array.from({ length: 10 }, () => recordSupplyMovement(ana, input)));
    const [after] = await getDb().select({ onHand: supplies.onHand }).from(supplies).where(eq(supplies.id, wipes));
    expect(after!.onHand).toBe(before!.onHand - 1);
  });
});
