import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo } from "@/db/seed";
import { auditEvents } from "@/db/schema";
import { toActionError } from "@/lib/action-result";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { assertionClaims, jwksOf, makeKey, signAssertion, tokenForm } from "@/lib/testing/smart-client";
import { readResource, search } from "./api";
import { principalForBearer } from "./smart/bearer";
import { issueToken } from "./smart/issue-token";
import { registerClient } from "./smart/register-client";
import { revokeClient } from "./smart/revoke-client";

const AUD = "https://tt.example/fhir/R4/auth/token";
const BASE = "https://tt.example/fhir/R4";
const meta = { audience: AUD, ip: "198.51.100.9", userAgent: "interface-engine" };
const rsa = makeKey("RS384");
const ec = makeKey("ES384");

beforeAll(seedDemoOnce);

async function register(scopes: string[], keys = [rsa, ec]) {
  return (await registerClient(await actorFor(DEMO.admin), { name: "Epic interface engine", jwks: jwksOf(...keys), scopes })).clientId;
}
const token = async (clientId: string, key = rsa, scope = "system/*.read", extra: Record<string, unknown> = {}) =>
  issueToken(tokenForm(signAssertion(key, assertionClaims(clientId, AUD, extra)), scope), meta);

describe("SMART Backend Services", () => {
  it("issues a 5-minute bearer token for an RS384 or ES384 assertion, and the token reads the clinic", async () => {
    const id = await register(["system/*.read"]);
    for (const key of [rsa, ec]) {
      const t = await token(id, key);
      expect(t).toMatchObject({ token_type: "bearer", expires_in: 300, scope: "system/*.read" });
      const p = await principalForBearer(t.access_token, meta);
      expect(p).toMatchObject({ kind: "client", role: "system", clinicId: demo.clinic("sunrise") });
      const patient = await readResource(p, BASE, "Patient", demo.patient("sunrise", "p01"));
      expect(patient).toMatchObject({ resourceType: "Patient", id: demo.patient("sunrise", "p01") });
      await expect(readResource(p, BASE, "Patient", demo.patient("harbor", "p01"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const events = await getDb().select().from(auditEvents).where(and(eq(auditEvents.actorId, id), eq(auditEvents.action, "fhir.read")));
    expect(events[0]).toMatchObject({ patientId: demo.patient("sunrise", "p01"), detail: { via: "fhir", client: id } });
  });

  it("refuses forged, expired, replayed and mis-addressed assertions (invalid_client, 401)", async () => {
    const id = await register(["system/*.read"], [rsa]);
    const other = makeKey("RS384", rsa.kid); // same kid, different key: a forgery
    const cases: [string, string][] = [
      ["forged", signAssertion(other, assertionClaims(id, AUD))],
      ["expired", signAssertion(rsa, assertionClaims(id, AUD, { exp: Math.floor(Date.now() / 1000) - 10 }))],
      ["too long", signAssertion(rsa, assertionClaims(id, AUD, { exp: Math.floor(Date.now() / 1000) + 3600 }))],
      ["wrong aud", signAssertion(rsa, assertionClaims(id, "https://evil.example/token"))],
      ["wrong sub", signAssertion(rsa, assertionClaims(id, AUD, { sub: "someone-else" }))],
      ["alg none", signAssertion(rsa, assertionClaims(id, AUD), { alg: "none" })],
      ["HS256", signAssertion(rsa, assertionClaims(id, AUD), { alg: "HS256" })],
      ["garbage", "not-a.jwt.at-all"],
    ];
    for (const [what, jwt] of cases) {
      await expect(issueToken(tokenForm(jwt), meta), what).rejects.toMatchObject({ error: "invalid_client", status: 401 });
    }
    const claims = assertionClaims(id, AUD);
    await issueToken(tokenForm(signAssertion(rsa, claims)), meta);
    await expect(issueToken(tokenForm(signAssertion(rsa, claims)), meta)).rejects.toMatchObject({ error: "invalid_client", message: expect.stringContaining("jti") });
    await expect(issueToken({ ...tokenForm(signAssertion(rsa, assertionClaims(id, AUD))), grant_type: "password" }, meta)).rejects.toMatchObject({ error: "unsupported_grant_type" });
    await expect(issueToken({ grant_type: "client_credentials" }, meta)).rejects.toMatchObject({ error: "invalid_request" });
  });

  it("grants only the scopes registered; a type outside them is FORBIDDEN (403)", async () => {
    const id = await register(["system/Patient.read"]);
    const t = await token(id, rsa, "system/*.read");
    expect(t.scope).toBe("system/Patient.read");
    const p = await principalForBearer(t.access_token, meta);
    await expect(search(p, BASE, "Observation", new URLSearchParams())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(token(id, rsa, "system/Observation.read")).rejects.toMatchObject({ error: "invalid_scope" });
  });

  it("revocation holds at once: a token issued before no longer authenticates, and no new token is issued", async () => {
    const id = await register(["system/*.read"]);
    const t = await token(id);
    await principalForBearer(t.access_token, meta);
    const admin = await actorFor(DEMO.admin);
    await revokeClient(admin, { clientId: id, version: 1 });
    await expect(principalForBearer(t.access_token, meta)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(token(id)).rejects.toMatchObject({ error: "invalid_client" });
    await expect(principalForBearer("x".repeat(43), meta)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("only admins register or revoke clients, only for their clinic, and only public keys", async () => {
    for (const email of [DEMO.peter, DEMO.ana]) {
      await expect(registerClient(await actorFor(email), { name: "x", jwks: jwksOf(rsa), scopes: ["system/*.read"] })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const id = await register(["system/*.read"]);
    await expect(revokeClient(await actorFor(DEMO.harborAdmin), { clientId: id, version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const admin = await actorFor(DEMO.admin);
    const priv = JSON.stringify({ keys: [{ ...rsa.privateKey.export({ format: "jwk" }) }] });
    await expect(registerClient(admin, { name: "x", jwks: priv, scopes: ["system/*.read"] })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("private") });
    // what the admin reads on the FHIR clients page, in her language: the message and the field's error
    const refused = toActionError(await registerClient(admin, { name: "x", jwks: priv, scopes: ["system/*.read"] }).catch((e: unknown) => e), "registerFhirClient", "es");
    expect(refused).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/privada/), fieldErrors: { jwks: [expect.stringMatching(/privada/)] } });
    const stale = toActionError(await revokeClient(admin, { clientId: id, version: 99 }).catch((e: unknown) => e), "revokeFhirClient", "es");
    expect(stale).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/^Este cliente cambió/) });
    const gone = toActionError(await revokeClient(admin, { clientId: crypto.randomUUID(), version: 1 }).catch((e: unknown) => e), "revokeFhirClient", "es");
    expect(gone).toMatchObject({ code: "NOT_FOUND", message: "Cliente no encontrado." });
    await expect(registerClient(admin, { name: "x", jwks: "{x", scopes: ["system/*.read"] })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(registerClient(admin, { name: "x", jwks: jwksOf(rsa), scopes: ["system/*.write"] })).rejects.toThrow();
  });
});
