import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supplies } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { clinicToday } from "@/lib/time";
import { parseExportFormat, renderExport, type Column, type ExportFile } from "@/lib/export/table";

const COLUMNS: Column[] = [{ header: "Supply" }, { header: "Unit" }, { header: "On hand", type: "number" }, { header: "Reorder level", type: "number" }, { header: "Low stock" }];

/** The clinic's supplies as CSV or .xlsx (`format`, csv by default) for ordering, audited as an export. */
export async function exportSupplies(actor: Actor, format?: unknown): Promise<ExportFile> {
  assertCan(actor, "supply:manage");
  const fmt = parseExportFormat(format);
  return getDb().transaction(async (tx) => {
    const rows = await tx
      .select({ name: supplies.name, unit: supplies.unit, onHand: supplies.onHand, reorderLevel: supplies.reorderLevel })
      .from(supplies)
      .where(and(eq(supplies.clinicId, actor.clinicId), eq(supplies.active, true)))
      .orderBy(asc(supplies.name));
    await audit(tx, actor, { action: "supply.export", entity: "supply", detail: { rows: rows.length, format: fmt } });
    return renderExport(
      { sheet: "Supplies", columns: COLUMNS, rows: rows.map((r) => [r.name, r.unit, r.onHand, r.reorderLevel, r.onHand <= r.reorderLevel ? "yes" : "no"]) },
      fmt,
      `supplies-${clinicToday(actor.clinic.timeZone)}`,
    );
  });
}
