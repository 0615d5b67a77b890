import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supplies, supplyMovements } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { createSupplySchema } from "./schemas";

/** Add a supply with its starting stock (recorded as an "adjust" movement). */
export async function createSupply(actor: Actor, input: unknown) {
  assertCan(actor, "supply:manage");
  const data = createSupplySchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [dup] = await tx.select({ id: supplies.id }).from(supplies).where(eq(supplies.id, data.id));
    if (dup) return { supplyId: data.id, created: false };
    const [row] = await tx
      .insert(supplies)
      .values({ id: data.id, clinicId: actor.clinicId, name: data.name, unit: data.unit, onHand: data.onHand, reorderLevel: data.reorderLevel })
      .onConflictDoNothing()
      .returning({ id: supplies.id });
    if (!row) throw conflict({ key: "errors.supplies.duplicate", values: { name: data.name } });
    if (data.onHand > 0) {
      await tx.insert(supplyMovements).values({ id: crypto.randomUUID(), clinicId: actor.clinicId, supplyId: row.id, kind: "adjust", delta: data.onHand, byUserId: actor.id, note: "Starting stock" });
    }
    await audit(tx, actor, { action: "supply.create", entity: "supply", entityId: row.id, detail: { onHand: data.onHand, reorderLevel: data.reorderLevel } });
    return { supplyId: row.id, created: true };
  });
}
