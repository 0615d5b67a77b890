import { z } from "zod";
import { text } from "@/lib/validation";
import { GRANTABLE_SCOPES } from "./smart/scopes";

/** Server actions' bodies stay under Next's 1 MB default: a file up to 900 kB of text per import. */
export const IMPORT_MAX_CHARS = 900_000;

export const importPatientsSchema = z.object({
  fileName: text().trim().max(200).default(""),
  content: text().min(1, "Choose a FHIR Bundle (.json) or NDJSON file of Patient resources.").max(IMPORT_MAX_CHARS, "That file is larger than 900 kB: split it and import the parts."),
});
export type ImportPatientsInput = z.input<typeof importPatientsSchema>;

export const registerClientSchema = z.object({
  name: text().trim().min(1, "Name the client (e.g. the EMR's interface engine).").max(120, "At most 120 characters."),
  jwks: text().trim().min(2, "Paste the client's public JWKS.").max(20_000, "At most 20,000 characters."),
  scopes: z.array(z.enum(GRANTABLE_SCOPES as [string, ...string[]], { error: "Choose scopes from the list." })).min(1, "Grant at least one scope.").max(GRANTABLE_SCOPES.length),
});
export type RegisterClientInput = z.input<typeof registerClientSchema>;

export const revokeClientSchema = z.object({ clientId: z.uuid(), version: z.coerce.number().int().positive() });
export type RevokeClientInput = z.input<typeof revokeClientSchema>;
