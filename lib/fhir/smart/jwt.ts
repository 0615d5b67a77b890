import { createPublicKey, verify, type JsonWebKey as NodeJwk } from "node:crypto";
import type { ClientJwk } from "@/db/schema";

/** Why an assertion was refused (OAuth "invalid_client"), in words safe to return to the client. */
export class AssertionError extends Error {}

export type AssertionClaims = { iss: string; sub: string; aud: string | string[]; exp: number; jti: string; iat?: number; nbf?: number };

const ALGS = { RS384: { kty: "RSA" }, ES384: { kty: "EC", crv: "P-384" } } as const;
type Alg = keyof typeof ALGS;

function part<T>(s: string | undefined, what: string): T {
  try {
    return JSON.parse(Buffer.from(s ?? "", "base64url").toString("utf8")) as T;
  } catch {
    throw new AssertionError(`The assertion's ${what} is not base64url JSON.`);
  }
}

/** The claims of a compact JWS, not yet verified: only to find which client it claims to be. */
export function unverifiedClaims(jwt: string): { header: { alg?: string; kid?: string }; claims: Partial<AssertionClaims> } {
  const parts = jwt.split(".");
  if (parts.length !== 3) throw new AssertionError("The assertion is not a compact JWT.");
  return { header: part(parts[0], "header"), claims: part(parts[1], "payload") };
}

/**
 * Verify a SMART Backend Services client assertion: RS384 or ES384 signature by a key of the client's
 * JWKS; iss = sub = client id; aud = the token URL; exp in the future and at most 5 minutes away.
 */
export function verifyAssertion(jwt: string, jwks: { keys: ClientJwk[] }, expect: { clientId: string; audience: string; now?: Date }): AssertionClaims {
  const { header, claims } = unverifiedClaims(jwt);
  const alg = header.alg as Alg;
  if (!(alg in ALGS)) throw new AssertionError("The assertion must be signed with RS384 or ES384.");
  const want = ALGS[alg];
  const keys = jwks.keys.filter((k) => k.kty === want.kty && (!("crv" in want) || k.crv === want.crv) && (!header.kid || k.kid === header.kid));
  if (!keys.length) throw new AssertionError("No key of the client's JWKS matches the assertion (kid, alg).");
  const [h, p, s] = jwt.split(".") as [string, string, string];
  const data = Buffer.from(`${h}.${p}`);
  const sig = Buffer.from(s, "base64url");
  const ok = keys.some((k) => {
    try {
      const key = createPublicKey({ key: k as NodeJwk, format: "jwk" });
      return verify("sha384", data, alg === "ES384" ? { key, dsaEncoding: "ieee-p1363" } : key, sig);
    } catch {
      return false;
    }
  });
  if (!ok) throw new AssertionError("The assertion's signature does not verify.");
  const now = Math.floor((expect.now ?? new Date()).getTime() / 1000);
  if (claims.iss !== expect.clientId || claims.sub !== expect.clientId) throw new AssertionError("iss and sub must both be the client id.");
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(expect.audience)) throw new AssertionError(`aud must be the token URL ${expect.audience}.`);
  if (typeof claims.exp !== "number" || claims.exp <= now) throw new AssertionError("The assertion has expired.");
  if (claims.exp > now + 300 + 30) throw new AssertionError("exp may be at most 5 minutes in the future.");
  if (typeof claims.nbf === "number" && claims.nbf > now + 30) throw new AssertionError("The assertion is not valid yet.");
  if (typeof claims.jti !== "string" || !claims.jti || claims.jti.length > 200) throw new AssertionError("jti is required (at most 200 characters).");
  return claims as AssertionClaims;
}

/** Public keys only, of the two supported kinds: refuse private members and other key types. A refusal is
 * its catalog key (`errors.fhir.*`), shown to the admin in her language. */
export function checkJwks(value: unknown): { keys: ClientJwk[] } | { problem: string } {
  const keys = (value as { keys?: unknown })?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 10) return { problem: "errors.fhir.jwksShape" };
  const out: ClientJwk[] = [];
  for (const k of keys as Record<string, unknown>[]) {
    if (!k || typeof k !== "object") return { problem: "errors.fhir.jwksKeyObject" };
    if ("d" in k || "p" in k || "q" in k) return { problem: "errors.fhir.jwksPrivate" };
    const ok = (k.kty === "RSA" && typeof k.n === "string" && typeof k.e === "string") || (k.kty === "EC" && k.crv === "P-384" && typeof k.x === "string" && typeof k.y === "string");
    if (!ok) return { problem: "errors.fhir.jwksKeyType" };
    const bytes = (v: unknown) => (typeof v === "string" && /^[A-Za-z0-9_-]+$/.test(v) ? Buffer.from(v, "base64url").length : 0);
    if (k.kty === "RSA" && bytes(k.n) < 256) return { problem: "errors.fhir.jwksRsaSize" };
    if (k.kty === "EC" && (bytes(k.x) !== 48 || bytes(k.y) !== 48)) return { problem: "errors.fhir.jwksP384" };
    try {
      createPublicKey({ key: k as NodeJwk, format: "jwk" });
    } catch {
      return { problem: "errors.fhir.jwksUnreadable" };
    }
    const pick = (n: string) => (typeof k[n] === "string" ? { [n]: k[n] as string } : {});
    out.push({ kty: k.kty as string, ...pick("kid"), ...pick("alg"), ...pick("use"), ...pick("n"), ...pick("e"), ...pick("crv"), ...pick("x"), ...pick("y") });
  }
  return { keys: out };
}
