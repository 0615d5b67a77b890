import "server-only";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { FHIR_TYPE_NAMES, canReadFhir, assertCanReadFhir, type FhirType } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { fhirPatientExists } from "@/lib/patients/fhir-queries";
import { auditFhir } from "./audit-fhir";
import { searchset } from "./bundle";
import { encodeCursor, sameCursor, type Cursor } from "./cursor";
import type { FhirPrincipal } from "./principal";
import { parseSearch } from "./search-params";
import { readPage } from "./source";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The types read by id (`Type/{id}`; the CapabilityStatement lists them from here). */
export const READS = ["Patient", "Practitioner", "Encounter", "Goal"] as const satisfies readonly FhirType[];
export type ReadType = (typeof READS)[number];

/**
 * Type/{id}: one resource of the caller's clinic that the caller may read, through the same scoped query
 * as its search (an Encounter is an attended appointment; a foreign or unattended one is NOT_FOUND). Audited.
 */
export async function readResource(p: FhirPrincipal, base: string, type: ReadType, id: string): Promise<Resource> {
  assertCanReadFhir(p, type);
  if (!UUID.test(id)) throw notFound(type);
  const filter = type === "Patient" ? { patientId: id, limit: 1 } : type === "Practitioner" ? { ids: [id], limit: 1 } : { id, limit: 1 };
  const page = await readPage(p, { base, clinicId: p.clinicId }, type, filter);
  const r = page.resources[0];
  if (!r) throw notFound(type);
  await auditFhir(p, "fhir.read", type, { entityId: id, patientIds: page.patientIds });
  return r;
}

/** The search parameters each search supports (issue 12, item 1). */
export const SEARCHES = {
  Observation: ["patient", "date", "_count", "_cursor"],
  Encounter: ["patient", "date", "_count", "_cursor"],
  Goal: ["patient", "_count", "_cursor"],
} as const satisfies Partial<Record<FhirType, readonly string[]>>;
export type SearchType = keyof typeof SEARCHES;

/** Type?patient=&date=&_count=: a searchset page with a next link. Malformed parameters are a 400. */
export async function search(p: FhirPrincipal, base: string, type: SearchType, query: URLSearchParams): Promise<Bundle> {
  assertCanReadFhir(p, type);
  const s = parseSearch(query, SEARCHES[type], p.timeZone);
  if (s.patientId && !(await fhirPatientExists(p, s.patientId))) throw notFound("Patient");
  const page = await readPage(p, { base, clinicId: p.clinicId }, type, { patientId: s.patientId, from: s.from, to: s.to, after: s.after, limit: s.count });
  const self = new URL(`${base}/${type}`);
  for (const [k, v] of query) if (k !== "_cursor") self.searchParams.append(k, v);
  if (s.after) self.searchParams.set("_cursor", encodeCursor(s.after));
  await auditFhir(p, "fhir.search", type, { patientIds: page.patientIds, detail: { params: [...new Set(query.keys())], results: page.resources.length } });
  return searchset(base, page.resources, self, page.next ? encodeCursor(page.next) : null);
}

/**
 * Patient/{id}/$everything: the patient and every resource about them the caller may read, with the
 * practitioners they reference. One patient's record fits one Bundle; each type is read page by page.
 */
export async function everything(p: FhirPrincipal, base: string, patientId: string): Promise<Bundle> {
  assertCanReadFhir(p, "Patient");
  if (!(await fhirPatientExists(p, patientId))) throw notFound("Patient");
  const ctx = { base, clinicId: p.clinicId };
  const out: Resource[] = [];
  const types = FHIR_TYPE_NAMES.filter((t) => t !== "Practitioner" && t !== "PractitionerRole" && canReadFhir(p, t));
  for (const type of types) {
    let after: Cursor | null = null;
    do {
      const page = await readPage(p, ctx, type, { patientId, after, limit: 500 });
      out.push(...page.resources);
      if (sameCursor(page.next, after)) throw new Error(`paging of ${type} did not advance`);
      after = page.next;
    } while (after);
  }
  if (canReadFhir(p, "Practitioner")) {
    const ids = [...new Set(JSON.stringify(out).match(/Practitioner\/[0-9a-f-]{36}/g) ?? [])].map((r) => r.slice(13));
    if (ids.length) out.push(...(await readPage(p, ctx, "Practitioner", { ids, limit: 500 })).resources);
  }
  await auditFhir(p, "fhir.everything", "Patient", { entityId: patientId, patientIds: [patientId], detail: { types, results: out.length } });
  return {
    resourceType: "Bundle",
    type: "searchset",
    link: [{ relation: "self", url: `${base}/Patient/${patientId}/$everything` }],
    entry: out.map((r) => ({ fullUrl: `${base}/${r.resourceType}/${r.id}`, resource: r, search: { mode: r.resourceType === "Patient" ? "match" : "include" } })),
  };
}
