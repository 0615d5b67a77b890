import { z } from "zod";
import { text } from "@/lib/validation";
import { GRANTABLE_SCOPES } from "./smart/scopes";

// messages are catalog keys (validation.fhir.*), translated where they are shown
/** Server actions' bodies stay under Next's 1 MB default: a file up to 900 kB of text per import. */
export const IMPORT_MAX_CHARS = 900_000;

export const importPatientsSchema = z.object({
  fileName: text().trim().max(200).default(""),
  content: text().min(1, "validation.fhir.chooseFile").max(IMPORT_MAX_CHARS, "validation.fhir.fileTooLarge"),
});
export type ImportPatientsInput = z.input<typeof importPatientsSchema>;

export const registerClientSchema = z.object({
  name: text().trim().min(1, "validation.fhir.name").max(120, "validation.fhir.nameTooLong"),
  jwks: text().trim().min(2, "validation.fhir.jwks").max(20_000, "validation.fhir.jwksTooLong"),
  scopes: z.array(z.enum(GRANTABLE_SCOPES as [string, ...string[]], { error: "validation.fhir.scopeFromList" })).min(1, "validation.fhir.oneScope").max(GRANTABLE_SCOPES.length),
});
export type RegisterClientInput = z.input<typeof registerClientSchema>;

export const revokeClientSchema = z.object({ clientId: z.uuid(), version: z.coerce.number().int().positive() });
export type RevokeClientInput = z.input<typeof revokeClientSchema>;
