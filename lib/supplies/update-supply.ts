import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supplies } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound, pgErrorCode } from "@/lib/errors";
import { updateSupplySchema } from "./schemas";

/** Rename a supply or change its unit or reorder level. Stock itself changes only through movements. */
export async function updateSupply(actor: Actor, input: unknown) {
  assertCan(actor, "supply:manage");
  const data = updateSupplySchema.parse(input);
  try {
    return await getDb().transaction(async (tx) => {
      const [before] = await tx
        .select({ name: supplies.name, unit: supplies.unit, reorderLevel: supplies.reorderLevel })
        .from(supplies)
        .where(and(eq(supplies.id, data.supplyId), eq(supplies.clinicId, actor.clinicId)));
      if (!before) throw notFound("Supply");
      const [row] = await tx
        .update(supplies)
        .set({ name: data.name, unit: data.unit, reorderLevel: data.reorderLevel, version: sql`${supplies.version} + 1` })
        .where(and(eq(supplies.id, data.supplyId), eq(supplies.version, data.version)))
        .returning({ version: supplies.version });
      if (!row) throw conflict({ key: "errors.supplies.stale" });
      await audit(tx, actor, {
        action: "supply.update",
        entity: "supply",
        entityId: data.supplyId,
        detail: { before, after: { name: data.name, unit: data.unit, reorderLevel: data.reorderLevel } },
      });
      return { version: row.version };
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw conflict({ key: "errors.supplies.duplicate", values: { name: data.name } });
    throw err;
  }
}
