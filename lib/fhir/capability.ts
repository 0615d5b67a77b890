import type { CapabilityStatement, CapabilityStatementRestResource } from "@medplum/fhirtypes";
import { FHIR_TYPE_NAMES, type FhirType } from "@/lib/auth/permissions";
import { READS, SEARCHES } from "./api";
import { US_CORE_PATIENT } from "./codes";

const SEARCH_DOCS: Record<string, { type: "reference" | "date"; documentation: string }> = {
  patient: { type: "reference", documentation: "Patient id or Patient/id" },
  date: { type: "date", documentation: "eq, ge, gt, le, lt; dates are in the clinic's time zone; may repeat" },
};

const PATIENT_OPERATIONS = [
  { name: "everything", definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything" },
  { name: "export", definition: "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export" },
];

function resourceEntry(type: FhirType, search: readonly string[] | undefined): CapabilityStatementRestResource {
  const interaction = [...((READS as readonly FhirType[]).includes(type) ? [{ code: "read" as const }] : []), ...(search ? [{ code: "search-type" as const }] : [])];
  return {
    type,
    ...(interaction.length ? { interaction } : { documentation: "In Patient/$everything and $export only" }),
    ...(type === "Patient" ? { supportedProfile: [US_CORE_PATIENT], operation: PATIENT_OPERATIONS } : {}),
    ...(search
      ? { searchParam: search.filter((n) => SEARCH_DOCS[n]).map((name) => ({ name, type: SEARCH_DOCS[name]!.type, documentation: SEARCH_DOCS[name]!.documentation })) }
      : {}),
  };
}

/** What this server really supports, generated from the same tables the handlers use. */
export function capabilityStatement(base: string): CapabilityStatement {
  const searches = SEARCHES as Record<string, readonly string[]>;
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-12-01",
    kind: "instance",
    fhirVersion: "4.0.1",
    format: ["application/fhir+json"],
    software: { name: "TheraTrack" },
    implementation: { description: "TheraTrack FHIR R4 API (read-only chart; signed entries only)", url: base },
    instantiates: ["http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data"],
    rest: [
      {
        mode: "server",
        security: {
          service: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/restful-security-service", code: "SMART-on-FHIR" }] }],
          description: "A signed-in user's session, or SMART Backend Services: client_credentials with an RS384/ES384 JWT assertion; system/*.read or system/Type.read scopes.",
          extension: [{ url: "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris", extension: [{ url: "token", valueUri: `${base}/auth/token` }] }],
        },
        resource: FHIR_TYPE_NAMES.map((type) => resourceEntry(type, searches[type])),
        operation: [{ name: "export", definition: "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/group-export", documentation: "Group/{id}/$export: id is a therapist (Practitioner) id; the group is their patients (primary therapist)" }],
      },
    ],
  };
}
