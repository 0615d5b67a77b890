/**
 * WebCrypto for the device store (client only). Every record with patient data is AES-GCM encrypted
 * under a random per-user data key. The data key is stored only wrapped (AES-KW): once under the
 * server's key-encryption key (GET /api/device-key, kept in memory only) and once under a key derived
 * from the aide's password (PBKDF2-SHA-256), so the idle lock can be opened offline.
 */
export const PBKDF2_ITERATIONS = 600_000;

export type Sealed = { iv: Uint8Array<ArrayBuffer>; ct: ArrayBuffer };

const enc = new TextEncoder();
const dec = new TextDecoder();

export function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(s.length / 4) * 4, "=");
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** The server's key-encryption key: usable only to wrap and unwrap, never readable again. */
export function importWrappingKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", raw, { name: "AES-KW" }, false, ["wrapKey", "unwrapKey"]);
}

export async function deriveWrappingKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations = PBKDF2_ITERATIONS): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey("raw", enc.encode(password), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, base, { name: "AES-KW", length: 256 }, false, ["wrapKey", "unwrapKey"]);
}

/** Extractable only so that it can be wrapped again (a new password, a new server key); it never leaves memory unwrapped. */
export function newDataKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
}

export function wrapDataKey(dataKey: CryptoKey, wrappingKey: CryptoKey): Promise<ArrayBuffer> {
  return crypto.subtle.wrapKey("raw", dataKey, wrappingKey, { name: "AES-KW" });
}

/** Rejects (OperationError) when the wrapping key is not the one it was wrapped with. */
export function unwrapDataKey(wrapped: ArrayBuffer, wrappingKey: CryptoKey): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey("raw", wrapped, wrappingKey, { name: "AES-KW" }, { name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"]);
}

/** `slot` (store and record id) is authenticated with the data, so a record cannot be moved to another slot. */
export async function seal(key: CryptoKey, value: unknown, slot: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: enc.encode(slot) }, key, enc.encode(JSON.stringify(value)));
  return { iv, ct };
}

export async function open<T>(key: CryptoKey, sealed: Sealed, slot: string): Promise<T> {
  const pt = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv, additionalData: enc.encode(slot) }, key, sealed.ct);
  return JSON.parse(dec.decode(pt)) as T;
}
