import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";

/** A machine client's key pair and a signer of SMART client assertions, with node:crypto (tests and the reliability suite). */
export type TestKey = { alg: "RS384" | "ES384"; kid: string; privateKey: KeyObject; publicJwk: Record<string, unknown> };

export function makeKey(alg: "RS384" | "ES384" = "RS384", kid = `k-${randomUUID().slice(0, 8)}`): TestKey {
  const { privateKey, publicKey } = alg === "RS384" ? generateKeyPairSync("rsa", { modulusLength: 2048 }) : generateKeyPairSync("ec", { namedCurve: "P-384" });
  return { alg, kid, privateKey, publicJwk: { ...publicKey.export({ format: "jwk" }), kid, alg, use: "sig" } };
}

export const jwksOf = (...keys: TestKey[]) => JSON.stringify({ keys: keys.map((k) => k.publicJwk) });

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** A compact JWS of the claims, signed by the key (override anything to forge a bad one). */
export function signAssertion(key: TestKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
  const input = `${b64({ alg: key.alg, typ: "JWT", kid: key.kid, ...header })}.${b64(claims)}`;
  const sig = key.alg === "RS384" ? sign("sha384", Buffer.from(input), key.privateKey) : sign("sha384", Buffer.from(input), { key: key.privateKey, dsaEncoding: "ieee-p1363" });
  return `${input}.${sig.toString("base64url")}`;
}

/** The claims a client puts in its assertion: iss = sub = client id, aud = token URL, 5 minutes. */
export function assertionClaims(clientId: string, audience: string, extra: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return { iss: clientId, sub: clientId, aud: audience, exp: now + 240, iat: now, jti: randomUUID(), ...extra };
}

export function tokenForm(assertion: string, scope = "system/*.read"): Record<string, string> {
  return {
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    scope,
  };
}
