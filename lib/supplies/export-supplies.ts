import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supplies } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { translatorFor } from "@/lib/i18n/translate";
import { clinicToday } from "@/lib/time";
import { parseExportFormat, renderExport, type Column, type ExportFile } from "@/lib/export/table";

const COLUMNS: (Omit<Column, "header"> & { key: string })[] = [
  { key: "supply" },
  { key: "unit" },
  { key: "onHand", type: "number" },
  { key: "reorderLevel", type: "number" },
  { key: "lowStock" },
];

/** The clinic's supplies as CSV or .xlsx (`format`, csv by default) for ordering, audited as an export.
 * Headers and yes/no in `locale`. */
export async function exportSupplies(actor: Actor, format?: unknown, locale = "en"): Promise<ExportFile> {
  assertCan(actor, "supply:manage");
  const fmt = parseExportFormat(format);
  const t = translatorFor(locale);
  return getDb().transaction(async (tx) => {
    const rows = await tx
      .select({ name: supplies.name, unit: supplies.unit, onHand: supplies.onHand, reorderLevel: supplies.reorderLevel })
      .from(supplies)
      .where(and(eq(supplies.clinicId, actor.clinicId), eq(supplies.active, true)))
      .orderBy(asc(supplies.name));
    await audit(tx, actor, { action: "supply.export", entity: "supply", detail: { rows: rows.length, format: fmt } });
    const columns: Column[] = COLUMNS.map(({ key, ...c }) => ({ ...c, header: t(`export.supplies.${key}`) }));
    return renderExport(
      {
        sheet: t("export.supplies.sheet"),
        columns,
        rows: rows.map((r) => [r.name, r.unit, r.onHand, r.reorderLevel, r.onHand <= r.reorderLevel ? t("export.yes") : t("export.no")]),
      },
      fmt,
      `supplies-${clinicToday(actor.clinic.timeZone)}`,
    );
  });
}
