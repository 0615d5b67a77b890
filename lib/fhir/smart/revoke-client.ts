import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { fhirAccessTokens, fhirClients } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { revokeClientSchema } from "../schemas";

/** Revoke a client at once: its tokens stop working on their next request (bearer.ts re-reads the client). */
export async function revokeClient(actor: Actor, input: unknown): Promise<{ clientId: string }> {
  assertCan(actor, "fhir:clients");
  const { clientId, version } = revokeClientSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [c] = await tx.select().from(fhirClients).where(and(eq(fhirClients.id, clientId), eq(fhirClients.clinicId, actor.clinicId))).for("update");
    if (!c) throw notFound("Client");
    if (c.revokedAt) return { clientId };
    if (c.version !== version) throw conflict({ key: "errors.fhir.clientChanged" });
    await tx
      .update(fhirClients)
      .set({ revokedAt: new Date(), revokedBy: actor.id, version: sql`${fhirClients.version} + 1` })
      .where(and(eq(fhirClients.id, clientId), isNull(fhirClients.revokedAt)));
    await tx.update(fhirAccessTokens).set({ expiresAt: new Date() }).where(eq(fhirAccessTokens.clientId, clientId));
    await audit(tx, actor, { action: "fhir.client_revoke", entity: "fhir_client", entityId: clientId });
    return { clientId };
  });
}
