/**
 * Shared tablets, on the tablet (client only; README "Shared tablets"). Enrolling makes an Ed25519 key pair:
 * the public key goes to the server, the private key's seed stays here XOR-ed with a PBKDF2 output of the PIN.
 * There is no integrity check, so any PIN unwraps *a* valid key: a copy of this store cannot be used to test
 * PINs. Only the server, which holds the public key, tells right from wrong (a signature over its fresh
 * challenge) and counts wrong answers. The PIN itself never leaves this function.
 */
import { initialsOf, PIN_FAILURE_LIMIT, pinChallengeMessage } from "@/lib/auth/pin-rules";
import { PBKDF2_ITERATIONS, randomBytes } from "./crypto";
import { getOfflineDb, type EnrolmentRecord, type MetaRecord } from "./db";
import { ENROL_PATH, ENROLMENT_ENDED, PIN_CHALLENGE_PATH, SIGN_IN_RATE_LIMITED, type EnrolResponse, type PinChallengeResponse } from "./protocol";
import { unlocked, unlockOnline } from "./vault";

// PKCS #8 for an Ed25519 private key is this fixed prefix and the 32-byte seed (RFC 8410).
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);
const enc = new TextEncoder();

export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function pinPad(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const base = await crypto.subtle.importKey("raw", enc.encode(pin), "PBKDF2", false, ["deriveBits"]);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, base, 256));
}

function xor(a: Uint8Array, b: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! ^ b[i]!;
  return out;
}

/** A new credential for `pin`: what the server keeps (publicKey) and what the tablet keeps (the rest). */
export async function newCredential(pin: string, iterations = PBKDF2_ITERATIONS) {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey));
  if (pkcs8.length !== 48 || PKCS8_PREFIX.some((b, i) => pkcs8[i] !== b)) throw new Error("Unexpected Ed25519 key format.");
  const seed = pkcs8.slice(16);
  const publicKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)));
  const salt = randomBytes(16);
  const sealedSeed = xor(seed, await pinPad(pin, salt, iterations));
  seed.fill(0);
  pkcs8.fill(0);
  return { publicKey, salt, iterations, sealedSeed };
}

/** Sign a challenge with the key this PIN unwraps (any PIN unwraps some key; only the server can tell). */
export async function signWithPin(rec: Pick<EnrolmentRecord, "salt" | "iterations" | "sealedSeed">, pin: string, message: string): Promise<string> {
  const seed = xor(rec.sealedSeed, await pinPad(pin, rec.salt, rec.iterations));
  const pkcs8 = new Uint8Array(48);
  pkcs8.set(PKCS8_PREFIX);
  pkcs8.set(seed, 16);
  seed.fill(0);
  const key = await crypto.subtle.importKey("pkcs8", pkcs8, { name: "Ed25519" }, false, ["sign"]);
  pkcs8.fill(0);
  return toBase64Url(new Uint8Array(await crypto.subtle.sign({ name: "Ed25519" }, key, enc.encode(message))));
}

/** This tablet's own random id (made once), which its enrolments carry for the admin's device list. */
export async function deviceId(): Promise<string> {
  const db = getOfflineDb();
  const meta = await db.meta.get("device");
  if (meta && "deviceId" in meta) return meta.deviceId;
  const id = crypto.randomUUID();
  await db.meta.put({ key: "device", deviceId: id } as MetaRecord);
  return id;
}

export type EnrolOutcome = { ok: true; expiresAt: string } | { ok: false; message: string | null };

/** Enrol the signed-in (unlocked) aide on this tablet with `pin` (already checked with pinProblem). */
export async function enrolThisTablet(pin: string, name: string): Promise<EnrolOutcome> {
  const u = unlocked();
  if (!u) return { ok: false, message: null };
  const cred = await newCredential(pin);
  let res: Response;
  try {
    res = await fetch(ENROL_PATH, {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ deviceId: await deviceId(), publicKey: cred.publicKey }),
    });
  } catch {
    return { ok: false, message: null };
  }
  if (!res.ok) return { ok: false, message: ((await res.json().catch(() => null)) as { message?: string } | null)?.message ?? null };
  const body = (await res.json()) as EnrolResponse;
  const db = getOfflineDb();
  await db.transaction("rw", db.enrolments, async () => {
    // the server replaced this aide's earlier enrolment on this tablet
    await db.enrolments.where("userId").equals(u.userId).delete();
    await db.enrolments.put({ enrolmentId: body.enrolmentId, userId: u.userId, name, initials: initialsOf(name), salt: cred.salt, iterations: cred.iterations, sealedSeed: cred.sealedSeed, failedPins: 0, expiresAt: body.expiresAt });
  });
  return { ok: true, expiresAt: body.expiresAt };
}

export type EnrolledAide = { enrolmentId: string; userId: string; name: string; initials: string; waiting: boolean };

/** The aides enrolled on this tablet, for the lock screen: name and initials only, and whether changes of theirs wait here. */
export async function enrolledAides(): Promise<EnrolledAide[]> {
  const db = getOfflineDb();
  const now = new Date().toISOString();
  const rows = (await db.enrolments.toArray()).filter((r) => r.expiresAt > now).sort((a, b) => a.name.localeCompare(b.name));
  return Promise.all(
    rows.map(async (r) => ({
      enrolmentId: r.enrolmentId,
      userId: r.userId,
      name: r.name,
      initials: r.initials,
      waiting: (await db.outbox.where("userId").equals(r.userId).filter((o) => o.state !== "done").count()) > 0,
    })),
  );
}

export async function isEnrolled(userId: string): Promise<boolean> {
  return (await getOfflineDb().enrolments.where("userId").equals(userId).count()) > 0;
}

export type SwitchOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: "wrong"; left: number }
  | { ok: false; reason: "ended" | "disabled" | "rate-limited" | "offline" | "unavailable" };

/**
 * The switch: end whoever's session is open (audited sign-out), answer a fresh challenge with the key the
 * PIN unwraps, sign in through next-auth's "pin" provider (a real session), then open *this* aide's data
 * with their device key. An ended enrolment (revoked, disabled, expired) is dropped from the list.
 */
export async function switchWithPin(enrolmentId: string, pin: string): Promise<SwitchOutcome> {
  const db = getOfflineDb();
  const rec = await db.enrolments.get(enrolmentId);
  if (!rec) return { ok: false, reason: "ended" };
  if (typeof navigator !== "undefined" && !navigator.onLine) return { ok: false, reason: "offline" };
  let challenge: PinChallengeResponse;
  try {
    const res = await fetch(PIN_CHALLENGE_PATH, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ enrolmentId }) });
    if (!res.ok) return { ok: false, reason: "unavailable" };
    challenge = (await res.json()) as PinChallengeResponse;
  } catch {
    return { ok: false, reason: "offline" };
  }
  const signature = await signWithPin(rec, pin, pinChallengeMessage(enrolmentId, challenge.challengeId, challenge.nonce));
  const { signIn, signOut } = await import("next-auth/react");
  let error: string | null | undefined;
  try {
    // the previous session (if any) ends first, so each hand-over is a sign-out and a sign-in on the server
    await signOut({ redirect: false });
    const res = await signIn("pin", { enrolmentId, challengeId: challenge.challengeId, signature, redirect: false });
    error = res?.ok && !res.error ? null : (res?.error ?? "invalid");
  } catch {
    return { ok: false, reason: "offline" };
  }
  if (error === ENROLMENT_ENDED) {
    await db.enrolments.delete(enrolmentId);
    return { ok: false, reason: "ended" };
  }
  if (error === SIGN_IN_RATE_LIMITED) return { ok: false, reason: "rate-limited" };
  if (error) {
    const failed = rec.failedPins + 1;
    if (failed >= PIN_FAILURE_LIMIT) {
      // the server has disabled it too: only a full sign-in enrols again
      await db.enrolments.delete(enrolmentId);
      return { ok: false, reason: "disabled" };
    }
    await db.enrolments.update(enrolmentId, { failedPins: failed });
    return { ok: false, reason: "wrong", left: PIN_FAILURE_LIMIT - failed };
  }
  await db.enrolments.update(enrolmentId, { failedPins: 0 });
  const opened = await unlockOnline();
  return opened.ok ? { ok: true, userId: opened.userId } : { ok: false, reason: "unavailable" };
}

/** "Switch aide": end this aide's session (audited sign-out) and drop her key from memory; her data stays, locked. */
export async function endForSwitch(): Promise<void> {
  const { signOut } = await import("next-auth/react");
  await signOut({ redirect: false });
}
