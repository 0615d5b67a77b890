import "server-only";
import { and, asc, desc, eq, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supplies, supplyMovements, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

export type SupplyRow = { id: string; name: string; unit: string; onHand: number; reorderLevel: number; version: number; low: boolean };

/** The clinic's active supplies, alphabetical. `low` = at or below the reorder level. */
export async function listSupplies(actor: Actor): Promise<SupplyRow[]> {
  assertCan(actor, "supply:list");
  const rows = await getDb()
    .select({ id: supplies.id, name: supplies.name, unit: supplies.unit, onHand: supplies.onHand, reorderLevel: supplies.reorderLevel, version: supplies.version })
    .from(supplies)
    .where(and(eq(supplies.clinicId, actor.clinicId), eq(supplies.active, true)))
    .orderBy(asc(supplies.name));
  return rows.map((r) => ({ ...r, low: r.onHand <= r.reorderLevel }));
}

/** Supplies at or below their reorder level, emptiest first: the admin's reorder list. */
export async function listLowStock(actor: Actor): Promise<SupplyRow[]> {
  assertCan(actor, "supply:manage");
  const rows = await getDb()
    .select({ id: supplies.id, name: supplies.name, unit: supplies.unit, onHand: supplies.onHand, reorderLevel: supplies.reorderLevel, version: supplies.version })
    .from(supplies)
    .where(and(eq(supplies.clinicId, actor.clinicId), eq(supplies.active, true), lte(supplies.onHand, supplies.reorderLevel)))
    .orderBy(asc(supplies.onHand), asc(supplies.name));
  return rows.map((r) => ({ ...r, low: true }));
}

/** The latest movements across the clinic's supplies, newest first. */
export async function listRecentMovements(actor: Actor, limit = 20) {
  assertCan(actor, "supply:list");
  return getDb()
    .select({
      id: supplyMovements.id,
      at: supplyMovements.at,
      kind: supplyMovements.kind,
      delta: supplyMovements.delta,
      supplyName: supplies.name,
      unit: supplies.unit,
      byName: users.name,
    })
    .from(supplyMovements)
    .innerJoin(supplies, eq(supplies.id, supplyMovements.supplyId))
    .innerJoin(users, eq(users.id, supplyMovements.byUserId))
    .where(eq(supplyMovements.clinicId, actor.clinicId))
    .orderBy(desc(supplyMovements.at))
    .limit(Math.min(limit, 200));
}
