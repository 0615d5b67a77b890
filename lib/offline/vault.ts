import { DEVICE_KEY_PATH, type DeviceKeyResponse } from "./protocol";
import { deriveWrappingKey, fromBase64Url, importWrappingKey, newDataKey, PBKDF2_ITERATIONS, randomBytes, unwrapDataKey, wrapDataKey } from "./crypto";
import { getOfflineDb, type KeyRecord, type MetaRecord } from "./db";

/** After this many wrong offline unlocks the password copy of the key is deleted: an online sign-in is needed. */
export const MAX_OFFLINE_UNLOCKS = 10;

export type Unlocked = { userId: string; dataKey: CryptoKey };

// The unwrapped data key lives here, in memory only; a reload or the idle lock drops it.
let current: Unlocked | null = null;

export const unlocked = (): Unlocked | null => current;
export function lock(): void {
  current = null;
}

export type OnlineUnlock = { ok: true; userId: string } | { ok: false; reason: "offline" | "unauthenticated" | "forbidden" | "password-change" | "unavailable" };

/** With a live session: fetch the key-encryption key and open (or create) this user's data key. */
export async function unlockOnline(): Promise<OnlineUnlock> {
  let res: Response;
  try {
    res = await fetch(DEVICE_KEY_PATH, { cache: "no-store", credentials: "same-origin" });
  } catch {
    return { ok: false, reason: "offline" };
  }
  if (res.status === 401) return { ok: false, reason: "unauthenticated" };
  if (res.status === 403) {
    // a new or reset account must choose its own password before any page opens (as requireUser does online)
    const body = (await res.json().catch(() => null)) as { code?: string } | null;
    return { ok: false, reason: body?.code === "PASSWORD_CHANGE_REQUIRED" ? "password-change" : "forbidden" };
  }
  if (!res.ok) return { ok: false, reason: "unavailable" };
  const body = (await res.json()) as DeviceKeyResponse;
  const kek = await importWrappingKey(fromBase64Url(body.key));
  const db = getOfflineDb();
  const rec = await db.keys.get(body.userId);
  let dataKey: CryptoKey;
  if (rec) {
    dataKey = await unwrapDataKey(rec.byServer, kek);
    await db.keys.update(body.userId, { needsSignIn: false });
  } else {
    dataKey = await newDataKey();
    const fresh: KeyRecord = { userId: body.userId, email: "", name: "", byServer: await wrapDataKey(dataKey, kek), byPassword: null, failedUnlocks: 0, needsSignIn: false };
    await db.keys.put(fresh);
  }
  await db.meta.put({ key: "lastUser", userId: body.userId } as MetaRecord);
  current = { userId: body.userId, dataKey };
  return { ok: true, userId: body.userId };
}

/** After an online sign-in: keep a second copy of the data key under the password, for the offline unlock. */
export async function rememberPassword(email: string, password: string): Promise<void> {
  if (!current) return;
  const salt = randomBytes(16);
  const wrapping = await deriveWrappingKey(password, salt, PBKDF2_ITERATIONS);
  const wrapped = await wrapDataKey(current.dataKey, wrapping);
  await getOfflineDb().keys.update(current.userId, { email, byPassword: { salt, iterations: PBKDF2_ITERATIONS, wrapped }, failedUnlocks: 0 });
}

export async function setDisplayName(userId: string, name: string): Promise<void> {
  await getOfflineDb().keys.update(userId, { name });
}

export async function lastUser(): Promise<KeyRecord | null> {
  const db = getOfflineDb();
  const meta = await db.meta.get("lastUser");
  return meta && "userId" in meta ? ((await db.keys.get(meta.userId)) ?? null) : null;
}

export type OfflineUnlock = { ok: true } | { ok: false; reason: "wrong"; left: number } | { ok: false; reason: "unavailable" };

/** The idle lock without a network: the password is checked on the device by unwrapping the key. */
export async function unlockWithPassword(password: string): Promise<OfflineUnlock> {
  const rec = await lastUser();
  if (!rec?.byPassword) return { ok: false, reason: "unavailable" };
  const db = getOfflineDb();
  try {
    const wrapping = await deriveWrappingKey(password, rec.byPassword.salt, rec.byPassword.iterations);
    const dataKey = await unwrapDataKey(rec.byPassword.wrapped, wrapping);
    await db.keys.update(rec.userId, { failedUnlocks: 0 });
    current = { userId: rec.userId, dataKey };
    return { ok: true };
  } catch {
    const failed = rec.failedUnlocks + 1;
    if (failed >= MAX_OFFLINE_UNLOCKS) {
      await db.keys.update(rec.userId, { failedUnlocks: failed, byPassword: null });
      return { ok: false, reason: "unavailable" };
    }
    await db.keys.update(rec.userId, { failedUnlocks: failed });
    return { ok: false, reason: "wrong", left: MAX_OFFLINE_UNLOCKS - failed };
  }
}

export async function markNeedsSignIn(userId: string): Promise<void> {
  await getOfflineDb().keys.update(userId, { needsSignIn: true });
}

/** Sign-out or a revoked session with nothing left to send: remove everything of this user from the device. */
export async function wipeUser(userId: string): Promise<void> {
  const db = getOfflineDb();
  await db.transaction("rw", [db.keys, db.workingSets, db.outbox, db.meta], async () => {
    await db.outbox.where("userId").equals(userId).delete();
    await db.workingSets.delete(userId);
    await db.keys.delete(userId);
    const meta = await db.meta.get("lastUser");
    if (meta && "userId" in meta && meta.userId === userId) await db.meta.delete("lastUser");
  });
  if (current?.userId === userId) current = null;
}
