import type { Actor } from "@/lib/auth/actor";
import type { FhirPrincipal } from "@/lib/fhir/principal";

/** The FHIR principal a user's session makes (lib/fhir/authenticate.ts does the same from the request). */
export function userPrincipal(a: Actor): FhirPrincipal {
  return { kind: "user", id: a.id, clinicId: a.clinicId, role: a.role, timeZone: a.clinic.timeZone, ip: a.ip, userAgent: a.userAgent };
}
