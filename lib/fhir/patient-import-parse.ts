import { decodeMessage, encodeMessage, localizeText, type Translate } from "@/lib/i18n/message-ref";
import { patientSchema } from "@/lib/patients/schemas";
import { languageName, SYSTEM } from "./codes";

export type ImportedPatient = {
  mrn: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
};
/** Why a row was refused: one or more catalog messages (`fhirImport.*`, encoded as lib/i18n/message-ref.ts
 * does), shown in the reader's language by importReasonText. A field's problem carries the field and its
 * schema message (itself a `validation.*` key). */
export type ImportReason = string[];
export type ParsedRow = { row: number; ok: true; data: ImportedPatient } | { row: number; ok: false; mrn?: string; reason: ImportReason };

const INVALID_FIELD = "fhirImport.invalid";

/** A refused row's reason as the reader reads it: each part translated, a field by its label. */
export function importReasonText(t: Translate, reason: ImportReason): string {
  return reason
    .map((part) => {
      const ref = decodeMessage(part);
      if (ref?.key !== INVALID_FIELD) return localizeText(t, part);
      const field = String(ref.values?.field ?? "");
      const label = t.has(`fhirImport.fields.${field}`) ? t(`fhirImport.fields.${field}`) : field;
      return t(INVALID_FIELD, { field: label, problem: localizeText(t, String(ref.values?.problem ?? "")) });
    })
    .join(" ");
}

const demographics = patientSchema.pick({ mrn: true, firstName: true, lastName: true, preferredName: true, dateOfBirth: true, preferredLanguage: true, interpreterNeeded: true });

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The resources of a file: a Bundle's entries, one Patient, or NDJSON (one resource per line). */
export function splitImportFile(content: string): { row: number; resource: unknown; error?: ImportReason }[] {
  const text = content.replace(/^\uFEFF/, "").trim();
  if (text.startsWith("{")) {
    try {
      const doc = obj(JSON.parse(text));
      if (doc?.resourceType === "Bundle") return arr(doc.entry).map((e, i) => ({ row: i + 1, resource: obj(e)?.resource }));
      if (doc) return [{ row: 1, resource: doc }];
    } catch {
      /* not one JSON document: try NDJSON */
    }
  }
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), row: i + 1 }))
    .filter((l) => l.line)
    .map(({ line, row }) => {
      try {
        return { row, resource: JSON.parse(line) as unknown };
      } catch {
        return { row, resource: null, error: [encodeMessage("fhirImport.notJson")] };
      }
    });
}

function mrnOf(r: Json): string | undefined {
  const ids = arr(r.identifier).map(obj).filter((x): x is Json => !!x);
  const mr = ids.find((i) => arr(obj(i.type)?.coding).some((c) => obj(c)?.code === "MR" && obj(c)?.system === SYSTEM.mrnType));
  return str((mr ?? ids.find((i) => /:mrn$/.test(str(i.system) ?? "")) ?? (ids.length === 1 ? ids[0] : undefined))?.value);
}

function languageOf(r: Json): string | undefined {
  const comms = arr(r.communication).map(obj).filter((x): x is Json => !!x);
  const c = obj((comms.find((x) => x.preferred === true) ?? comms[0])?.language);
  if (!c) return undefined;
  const coding = arr(c.coding).map(obj).find((x) => x?.system === SYSTEM.bcp47);
  return str(c.text) ?? (str(coding?.code) ? (languageName(str(coding!.code)!) ?? str(coding!.display)) : undefined);
}

/** One Patient resource to TheraTrack's demographics, checked with the patient form's own schema. */
export function patientFromFhir(row: number, resource: unknown): ParsedRow {
  const r = obj(resource);
  if (!r || r.resourceType !== "Patient") {
    const type = str(r?.resourceType);
    return { row, ok: false, reason: [type ? encodeMessage("fhirImport.notPatient", { type }) : encodeMessage("fhirImport.noResourceType")] };
  }
  const mrn = mrnOf(r);
  if (!mrn) return { row, ok: false, reason: [encodeMessage("fhirImport.noMrn")] };
  const names = arr(r.name).map(obj).filter((x): x is Json => !!x);
  const official = names.find((n) => n.use === "official") ?? names.find((n) => n.use !== "usual") ?? names[0];
  const usual = names.find((n) => n.use === "usual");
  const first = str(arr(official?.given)[0]);
  const preferred = str(arr(usual?.given)[0]);
  const interpreter = arr(r.extension).map(obj).find((e) => e?.url === SYSTEM.interpreterRequired)?.valueBoolean;
  const parsed = demographics.safeParse({
    mrn,
    firstName: first ?? "",
    lastName: str(official?.family) ?? "",
    preferredName: preferred && preferred !== first ? preferred : null,
    dateOfBirth: str(r.birthDate) ?? "",
    preferredLanguage: languageOf(r) ?? "English",
    interpreterNeeded: interpreter === true,
  });
  if (!parsed.success) return { row, ok: false, mrn, reason: [...new Set(parsed.error.issues.map((i) => encodeMessage(INVALID_FIELD, { field: String(i.path[0] ?? ""), problem: i.message })))] };
  return { row, ok: true, data: parsed.data as ImportedPatient };
}
