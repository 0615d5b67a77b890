import "server-only";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, fhirAccessTokens, fhirClients } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { FhirPrincipal } from "../principal";
import { hashToken } from "./issue-token";

/** The client behind a bearer token, re-read on every request: an expired token or a revoked client is refused at once. */
export async function principalForBearer(token: string, meta: { ip: string | null; userAgent: string | null }): Promise<FhirPrincipal> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError("UNAUTHENTICATED", "The bearer token is not valid.");
  const [row] = await getDb()
    .select({ clientId: fhirClients.id, clinicId: fhirClients.clinicId, scopes: fhirAccessTokens.scopes, timeZone: clinics.timeZone })
    .from(fhirAccessTokens)
    .innerJoin(fhirClients, eq(fhirClients.id, fhirAccessTokens.clientId))
    .innerJoin(clinics, eq(clinics.id, fhirClients.clinicId))
    .where(and(eq(fhirAccessTokens.tokenHash, hashToken(token)), gt(fhirAccessTokens.expiresAt, new Date()), isNull(fhirClients.revokedAt)))
    .limit(1);
  if (!row) throw new AppError("UNAUTHENTICATED", "The bearer token is expired, revoked or unknown.");
  return { kind: "client", id: row.clientId, clinicId: row.clinicId, role: "system", scopes: row.scopes, timeZone: row.timeZone, ip: meta.ip, userAgent: meta.userAgent };
}
