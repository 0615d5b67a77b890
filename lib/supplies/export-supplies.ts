import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supplies } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { clinicToday } from "@/lib/time";
import { toCsv } from "@/lib/export/csv";

/** The clinic's supplies as CSV (for ordering), audited as an export. */
export async function exportSupplies(actor: Actor): Promise<{ filename: string; csv: string }> {
  assertCan(actor, "supply:manage");
  return getDb().transaction(async (tx) => {
    const rows = await tx
      .select({ name: supplies.name, unit: supplies.unit, onHand: supplies.onHand, reorderLevel: supplies.reorderLevel })
      .from(supplies)
      .where(and(eq(supplies.clinicId, actor.clinicId), eq(supplies.active, true)))
      .orderBy(asc(supplies.name));
    await audit(tx, actor, { action: "supply.export", entity: "supply", detail: { rows: rows.length, format: "csv" } });
    const csv = toCsv(
      ["Supply", "Unit", "On hand", "Reorder level", "Low stock"],
      rows.map((r) => [r.name, r.unit, r.onHand, r.reorderLevel, r.onHand <= r.reorderLevel ? "yes" : "no"]),
    );
    return { filename: `supplies-${clinicToday(actor.clinic.timeZone)}.csv`, csv };
  });
}
