import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supplies, supplyMovements } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { supplyMovementSchema } from "./schemas";

/**
 * Record use or restock of a supply. The movement id comes from the tablet, so a retry records one
 * movement (ON CONFLICT DO NOTHING). Stock changes with one atomic
 * `on_hand = on_hand + delta WHERE on_hand + delta >= 0`: concurrent movements queue on the row lock
 * and each re-checks the condition against the latest stock, so none is lost and stock never goes
 * negative (the CHECK constraint supplies_on_hand_nonnegative backs this up).
 */
export async function recordSupplyMovement(actor: Actor, input: unknown) {
  assertCan(actor, "supply:move");
  const data = supplyMovementSchema.parse(input);
  const delta = data.kind === "use" ? -data.quantity : data.quantity;
  return getDb().transaction(async (tx) => {
    const [supply] = await tx
      .select({ id: supplies.id, name: supplies.name, unit: supplies.unit })
      .from(supplies)
      .where(and(eq(supplies.id, data.supplyId), eq(supplies.clinicId, actor.clinicId), eq(supplies.active, true)));
    if (!supply) throw notFound("Supply");

    const [movement] = await tx
      .insert(supplyMovements)
      .values({ id: data.id, clinicId: actor.clinicId, supplyId: supply.id, kind: data.kind, delta, byUserId: actor.id, note: data.note || null })
      .onConflictDoNothing({ target: supplyMovements.id })
      .returning({ id: supplyMovements.id });
    if (!movement) {
      const [current] = await tx.select({ onHand: supplies.onHand }).from(supplies).where(eq(supplies.id, supply.id));
      return { movementId: data.id, onHand: current!.onHand, duplicate: true };
    }

    const [updated] = await tx
      .update(supplies)
      .set({ onHand: sql`${supplies.onHand} + ${delta}` })
      .where(and(eq(supplies.id, supply.id), sql`${supplies.onHand} + ${delta} >= 0`))
      .returning({ onHand: supplies.onHand, reorderLevel: supplies.reorderLevel });
    if (!updated) {
      const [current] = await tx.select({ onHand: supplies.onHand }).from(supplies).where(eq(supplies.id, supply.id));
      throw new AppError("CONFLICT", {
        key: "errors.supplies.notEnough",
        values: { onHand: current!.onHand, unit: supply.unit, name: supply.name, quantity: data.quantity },
      });
    }
    await audit(tx, actor, {
      action: `supply.${data.kind}`,
      entity: "supply",
      entityId: supply.id,
      detail: { movementId: movement.id, delta, onHand: updated.onHand },
    });
    return { movementId: movement.id, onHand: updated.onHand, low: updated.onHand <= updated.reorderLevel, duplicate: false };
  });
}
