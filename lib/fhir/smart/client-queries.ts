import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { fhirClients } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

/** The clinic's registered system clients, newest first (no keys shown beyond their ids). */
export async function listClients(actor: Actor) {
  assertCan(actor, "fhir:clients");
  const rows = await getDb()
    .select()
    .from(fhirClients)
    .where(eq(fhirClients.clinicId, actor.clinicId))
    .orderBy(asc(fhirClients.revokedAt), desc(fhirClients.createdAt));
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    scopes: c.scopes,
    keyIds: c.jwks.keys.map((k) => `${k.kty}${k.kid ? ` ${k.kid}` : ""}`),
    createdAt: c.createdAt,
    revokedAt: c.revokedAt,
    version: c.version,
  }));
}
