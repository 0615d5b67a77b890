import "server-only";
import { getDb } from "@/db/client";
import { fhirClients } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { encodeMessage } from "@/lib/i18n/message-ref";
import { registerClientSchema } from "../schemas";
import { checkJwks } from "./jwt";

/** An admin registers a system client with its public JWKS and the read scopes it is granted. Refusals are
 * catalog keys, worded in the admin's language by runAction. */
export async function registerClient(actor: Actor, input: unknown): Promise<{ clientId: string }> {
  assertCan(actor, "fhir:clients");
  const data = registerClientSchema.parse(input);
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.jwks);
  } catch {
    throw new AppError("VALIDATION", { key: "errors.fhir.jwksNotJson" }, { jwks: [encodeMessage("validation.fhir.jwksJson", { example: '{"keys": [...]}' })] });
  }
  const jwks = checkJwks(parsed);
  if ("problem" in jwks) throw new AppError("VALIDATION", { key: jwks.problem }, { jwks: [encodeMessage(jwks.problem)] });
  return getDb().transaction(async (tx) => {
    const [c] = await tx.insert(fhirClients).values({ clinicId: actor.clinicId, name: data.name, jwks, scopes: data.scopes, createdBy: actor.id }).returning({ id: fhirClients.id });
    await audit(tx, actor, { action: "fhir.client_register", entity: "fhir_client", entityId: c!.id, detail: { scopes: data.scopes, keys: jwks.keys.length } });
    return { clientId: c!.id };
  });
}
