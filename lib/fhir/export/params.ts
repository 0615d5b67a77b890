import { canReadFhir, FHIR_TYPE_NAMES, type FhirType } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { FhirPrincipal } from "../principal";
import { sinceParam } from "../search-params";

const FORMATS = new Set(["application/fhir+ndjson", "application/ndjson", "ndjson"]);
const bad = (m: string) => new AppError("VALIDATION", m);

/**
 * $export's kick-off parameters (Bulk Data Access 2.0): `_type` (comma list), `_since`, `_outputFormat`.
 * Without `_type` the export holds every type the caller may read; a listed type outside the caller's
 * role or scopes is refused (403), an unknown one is a 400.
 */
export function parseExportParams(p: FhirPrincipal, query: URLSearchParams): { types: FhirType[]; since: Date | null } {
  let types: FhirType[] | null = null;
  let since: Date | null = null;
  for (const [key, value] of query) {
    if (key === "_type") {
      const asked = value.split(",").map((s) => s.trim()).filter(Boolean);
      const unknown = asked.filter((t) => !FHIR_TYPE_NAMES.includes(t as FhirType));
      if (!asked.length || unknown.length) throw bad(`_type lists types this server does not export: ${unknown.join(", ").slice(0, 200) || "(empty)"}. It exports ${FHIR_TYPE_NAMES.join(", ")}.`);
      types = [...new Set([...(types ?? []), ...(asked as FhirType[])])];
    } else if (key === "_since") since = sinceParam(value);
    else if (key === "_outputFormat") {
      if (!FORMATS.has(value)) throw bad("_outputFormat must be application/fhir+ndjson.");
    } else throw bad(`Unsupported $export parameter "${key.slice(0, 40)}" (supported: _type, _since, _outputFormat).`);
  }
  if (types) {
    const refused = types.filter((t) => !canReadFhir(p, t));
    if (refused.length) throw new AppError("FORBIDDEN", `You may not export ${refused.join(", ")}.`);
    return { types, since };
  }
  return { types: FHIR_TYPE_NAMES.filter((t) => canReadFhir(p, t)), since };
}
