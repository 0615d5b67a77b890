import type { Reference } from "@medplum/fhirtypes";

/** What every mapper needs beyond the row: the API's base URL and the clinic. */
export type MapContext = { base: string; clinicId: string };

/** A relative reference; typed to fit any Reference<T> slot (the type is in the string). */
export const ref = (type: string, id: string, display?: string | null): Reference<never> => ({
  reference: `${type}/${id}`,
  ...(display ? { display } : {}),
});

/** FHIR instant (UTC, seconds precision is enough and always valid). */
export const instant = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** "Olivia Ortega" → family "Ortega", given ["Olivia"]; staff names are stored whole. */
export function splitName(name: string): { family: string; given: string[] } {
  const parts = name.trim().split(/\s+/);
  const family = parts.length > 1 ? parts.pop()! : parts[0]!;
  return { family, given: parts.length ? parts : [] };
}
