import type { Role } from "@/db/schema";

/**
 * Who is calling the FHIR API: a signed-in user (their session, as in the app) or a registered system
 * client (SMART Backend Services bearer token). Both are subjects of lib/auth/permissions.ts and both
 * are audited; `id` is the user's or the client's id.
 */
export type FhirPrincipal = {
  kind: "user" | "client";
  id: string;
  clinicId: string;
  role: Role | "system";
  /** the token's granted scopes (clients only) */
  scopes?: readonly string[];
  timeZone: string;
  ip: string | null;
  userAgent: string | null;
};

/** Audit detail that says a system client, not a person, made the request. */
export function principalDetail(p: FhirPrincipal): Record<string, unknown> {
  return p.kind === "client" ? { via: "fhir", client: p.id } : { via: "fhir" };
}
