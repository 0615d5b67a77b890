import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import { z } from "zod";
import { text } from "@/lib/validation";
import { getDb } from "@/db/client";
import { fhirAccessTokens, fhirClients } from "@/db/schema";
import { audit } from "@/lib/audit";
import { pgErrorCode } from "@/lib/errors";
import { AssertionError, unverifiedClaims, verifyAssertion } from "./jwt";
import { grantableScopes } from "./scopes";

export const TOKEN_TTL_SECONDS = 300;

/** An OAuth 2.0 error answer (RFC 6749 §5.2). */
export class OAuthError extends Error {
  constructor(
    readonly error: "invalid_request" | "invalid_client" | "invalid_grant" | "invalid_scope" | "unsupported_grant_type",
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const tokenRequest = z.object({
  grant_type: text().max(100),
  client_assertion_type: z.literal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", { error: "client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer." }),
  client_assertion: text().min(10).max(16_000),
  scope: text().max(2_000).default("system/*.read"),
});

export const hashToken = (t: string) => createHash("sha256").update(t).digest("hex");

/**
 * SMART Backend Services token endpoint: a registered, unrevoked client proves itself with a JWT signed
 * by its key and gets a bearer token for 5 minutes with the scopes it asked for and was granted.
 * Authentication writes before anyone is authorized (like sign-in): the token row and its audit event.
 */
export async function issueToken(form: Record<string, string>, meta: { audience: string; ip: string | null; userAgent: string | null }) {
  const parsed = tokenRequest.safeParse(form);
  if (!parsed.success) throw new OAuthError("invalid_request", parsed.error.issues.map((i) => `${i.path.join(".") || "request"}: ${i.message}`).join("; "));
  const req = parsed.data;
  if (req.grant_type !== "client_credentials") throw new OAuthError("unsupported_grant_type", "grant_type must be client_credentials.");
  let clientId: string | undefined;
  try {
    clientId = unverifiedClaims(req.client_assertion).claims.iss;
  } catch (err) {
    throw new OAuthError("invalid_client", (err as Error).message, 401);
  }
  if (typeof clientId !== "string" || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) throw new OAuthError("invalid_client", "Unknown client.", 401);
  const db = getDb();
  const [client] = await db.select().from(fhirClients).where(and(eq(fhirClients.id, clientId), isNull(fhirClients.revokedAt)));
  if (!client) throw new OAuthError("invalid_client", "Unknown or revoked client.", 401);
  let claims;
  try {
    claims = verifyAssertion(req.client_assertion, client.jwks, { clientId: client.id, audience: meta.audience });
  } catch (err) {
    if (err instanceof AssertionError) throw new OAuthError("invalid_client", err.message, 401);
    throw err;
  }
  const scopes = grantableScopes(req.scope, client.scopes);
  if (!scopes.length) throw new OAuthError("invalid_scope", `None of the requested scopes is granted to this client (granted: ${client.scopes.join(" ")}).`);
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + TOKEN_TTL_SECONDS * 1000);
  const actor = { id: client.id, clinicId: client.clinicId, ip: meta.ip, userAgent: meta.userAgent };
  try {
    await db.transaction(async (tx) => {
      await tx.insert(fhirAccessTokens).values({ tokenHash: hashToken(token), clientId: client.id, clinicId: client.clinicId, scopes, jti: claims.jti, expiresAt });
      await audit(tx, actor, { action: "fhir.token", entity: "fhir_client", entityId: client.id, detail: { via: "fhir", client: client.id, scopes } });
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw new OAuthError("invalid_client", "That assertion (jti) was used already.", 401);
    throw err;
  }
  // tokens live minutes; the table keeps a day of them for replay checks (assertions live ≤ 5 minutes)
  await db.delete(fhirAccessTokens).where(lt(fhirAccessTokens.expiresAt, new Date(Date.now() - 86_400_000)));
  return { access_token: token, token_type: "bearer", expires_in: TOKEN_TTL_SECONDS, scope: scopes.join(" ") };
}
