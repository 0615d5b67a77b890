import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supplies } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { translatorFor } from "@/lib/i18n/translate";
import { clinicToday } from "@/lib/time";
import { toCsv } from "@/lib/export/csv";

/** The clinic's supplies as CSV (for ordering), audited as an export. Headers and yes/no in `locale`. */
export async function exportSupplies(actor: Actor, locale = "en"): Promise<{ filename: string; csv: string }> {
  assertCan(actor, "supply:manage");
  const t = translatorFor(locale);
  return getDb().transaction(async (tx) => {
    const rows = await tx
      .select({ name: supplies.name, unit: supplies.unit, onHand: supplies.onHand, reorderLevel: supplies.reorderLevel })
      .from(supplies)
      .where(and(eq(supplies.clinicId, actor.clinicId), eq(supplies.active, true)))
      .orderBy(asc(supplies.name));
    await audit(tx, actor, { action: "supply.export", entity: "supply", detail: { rows: rows.length, format: "csv" } });
    const csv = toCsv(
      ["supply", "unit", "onHand", "reorderLevel", "lowStock"].map((k) => t(`export.supplies.${k}`)),
      rows.map((r) => [r.name, r.unit, r.onHand, r.reorderLevel, r.onHand <= r.reorderLevel ? t("export.yes") : t("export.no")]),
    );
    return { filename: `supplies-${clinicToday(actor.clinic.timeZone)}.csv`, csv };
  });
}
