import "server-only";
import { requestMeta } from "@/lib/auth/request-meta";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { FhirPrincipal } from "./principal";
import { principalForBearer } from "./smart/bearer";

/**
 * The caller of a FHIR route: a bearer token (system client) if the request carries one, otherwise the
 * user's session (re-read from the database, as for every page). Neither: UNAUTHENTICATED.
 */
export async function fhirPrincipal(request: Request): Promise<FhirPrincipal> {
  const meta = requestMeta((n) => request.headers.get(n));
  const auth = request.headers.get("authorization");
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    if (!m) throw new AppError("UNAUTHENTICATED", "Authorization must be a Bearer token.");
    return principalForBearer(m[1]!, meta);
  }
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in, or send a bearer token from /fhir/R4/auth/token.");
  if (actor.mustChangePassword) throw new AppError("FORBIDDEN", "Set a new password first.");
  return { kind: "user", id: actor.id, clinicId: actor.clinicId, role: actor.role, timeZone: actor.clinic.timeZone, ip: actor.ip, userAgent: actor.userAgent };
}
