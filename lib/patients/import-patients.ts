import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { pgErrorCode } from "@/lib/errors";
import { importReasonText, patientFromFhir, splitImportFile, type ImportedPatient, type ImportReason } from "@/lib/fhir/patient-import-parse";
import { importPatientsSchema } from "@/lib/fhir/schemas";
import { encodeMessage, type Translate } from "@/lib/i18n/message-ref";

export type ImportRowResult = { row: number; mrn: string | null; result: "created" | "updated" | "unchanged" | "refused"; reason?: ImportReason; patientId?: string };
export type ImportResult = { rows: ImportRowResult[]; counts: Record<ImportRowResult["result"], number> };
/** What the admin reads: the same rows, each refusal's reason in words of her language. */
export type ImportReport = { rows: (Omit<ImportRowResult, "reason"> & { reason?: string })[]; counts: ImportResult["counts"] };

export function importReport(result: ImportResult, t: Translate): ImportReport {
  return { counts: result.counts, rows: result.rows.map(({ reason, ...r }) => (reason ? { ...r, reason: importReasonText(t, reason) } : r)) };
}

const MAX_ROWS = 5000;
const FIELDS = ["firstName", "lastName", "preferredName", "dateOfBirth", "preferredLanguage", "interpreterNeeded"] as const;

/** One row: create, update or leave alone (same demographics), matched on MRN, in its own transaction. */
async function importOne(actor: Actor, row: number, data: ImportedPatient): Promise<ImportRowResult> {
  return getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(patients)
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.mrn, data.mrn)))
      .for("update");
    if (!existing) {
      const [created] = await tx.insert(patients).values({ clinicId: actor.clinicId, ...data }).returning({ id: patients.id });
      await audit(tx, actor, { action: "patient.import_create", entity: "patient", entityId: created!.id, patientId: created!.id, detail: { mrn: data.mrn, row } });
      return { row, mrn: data.mrn, result: "created", patientId: created!.id };
    }
    const changed = FIELDS.filter((f) => existing[f] !== data[f]);
    if (!changed.length) return { row, mrn: data.mrn, result: "unchanged", patientId: existing.id };
    await tx
      .update(patients)
      .set({ ...Object.fromEntries(changed.map((f) => [f, data[f]])), updatedAt: new Date(), version: sql`${patients.version} + 1` })
      .where(eq(patients.id, existing.id));
    await audit(tx, actor, { action: "patient.import_update", entity: "patient", entityId: existing.id, patientId: existing.id, detail: { mrn: data.mrn, row, fields: changed } });
    return { row, mrn: data.mrn, result: "updated", patientId: existing.id };
  });
}

/**
 * Import patients from a FHIR Bundle or NDJSON (admins). Each row is matched on MRN and created or
 * updated on its own, so a bad row is refused with its reason while the good rows are kept; a file
 * imported twice changes nothing the second time. Demographics only: precautions, caseloads and the
 * primary therapist stay as the clinic set them. Reasons are catalog messages: importReport words them.
 */
export async function importPatients(actor: Actor, input: unknown): Promise<ImportResult> {
  assertCan(actor, "fhir:import");
  const { content, fileName } = importPatientsSchema.parse(input);
  const items = splitImportFile(content).slice(0, MAX_ROWS + 1);
  const rows: ImportRowResult[] = [];
  for (const item of items.slice(0, MAX_ROWS)) {
    const parsed = item.error ? { row: item.row, ok: false as const, reason: item.error } : patientFromFhir(item.row, item.resource);
    if (!parsed.ok) {
      rows.push({ row: parsed.row, mrn: ("mrn" in parsed ? parsed.mrn : undefined) ?? null, result: "refused", reason: parsed.reason });
      continue;
    }
    try {
      rows.push(await importOne(actor, parsed.row, parsed.data));
    } catch (err) {
      if (pgErrorCode(err) !== "23505") throw err;
      rows.push({ row: parsed.row, mrn: parsed.data.mrn, result: "refused", reason: [encodeMessage("fhirImport.mrnRace")] });
    }
  }
  if (items.length > MAX_ROWS) rows.push({ row: MAX_ROWS + 1, mrn: null, result: "refused", reason: [encodeMessage("fhirImport.tooManyRows", { max: MAX_ROWS })] });
  const counts = { created: 0, updated: 0, unchanged: 0, refused: 0 };
  for (const r of rows) counts[r.result]++;
  await audit(getDb(), actor, { action: "fhir.import", entity: "patient_import", entityId: fileName.slice(0, 200) || null, detail: { via: "fhir", ...counts } });
  return { rows, counts };
}
