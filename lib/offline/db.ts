import { Dexie, type EntityTable } from "dexie";
import type { Sealed } from "./crypto";

/**
 * The device store (IndexedDB via Dexie). Indexed and plain fields hold no patient data: opaque ids,
 * states, counters and the signed-in staff member's own name and email (to offer the offline unlock).
 * Everything else is a Sealed (AES-GCM) blob. The schema is versioned here; a new app version adds a
 * version with an upgrade and never drops `outbox` (DESIGN §7: an update must not strand it).
 */
export type KeyRecord = {
  userId: string;
  email: string;
  name: string;
  /** the data key wrapped under the server's key-encryption key */
  byServer: ArrayBuffer;
  /** the data key wrapped under a password-derived key; deleted after too many wrong tries */
  byPassword: { salt: Uint8Array<ArrayBuffer>; iterations: number; wrapped: ArrayBuffer } | null;
  failedUnlocks: number;
  /** the server said this session ended (401) and the outbox still holds changes */
  needsSignIn: boolean;
};

export type WorkingSetRecord = { userId: string; etag: string; pulledAt: string; data: Sealed };

export type OutboxState = "waiting" | "sending" | "attention" | "done";
export type OutboxRecord = {
  id: string;
  userId: string;
  /** order of the aide's actions (replayed in this order) */
  seq: number;
  state: OutboxState;
  /** when it was delivered (applied or duplicate); kept until a later pull shows its effect */
  doneAt: number | null;
  data: Sealed;
};

/**
 * A shared tablet's PIN sign-in for one aide (README "Shared tablets"). `sealedSeed` is the Ed25519 private
 * key's 32-byte seed XOR a PBKDF2 output of the PIN: no integrity check, so a wrong PIN unwraps another valid
 * key and only the server (which alone holds the public key) can tell. The public key is not kept here.
 * Name and initials are the staff member's own, shown on the lock screen's list.
 */
export type EnrolmentRecord = {
  enrolmentId: string;
  userId: string;
  name: string;
  initials: string;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  sealedSeed: Uint8Array<ArrayBuffer>;
  /** wrong PINs on this tablet (for the hint only: the server's count is the limit) */
  failedPins: number;
  expiresAt: string;
};

/** The last signed-in user of this tablet (opaque id), to offer the offline unlock after a reload; and
 * this tablet's own random id, which its enrolments carry. */
export type MetaRecord = { key: "lastUser"; userId: string } | { key: "device"; deviceId: string };

export const DB_NAME = "theratrack-offline";

export class OfflineDb extends Dexie {
  keys!: EntityTable<KeyRecord, "userId">;
  workingSets!: EntityTable<WorkingSetRecord, "userId">;
  outbox!: EntityTable<OutboxRecord, "id">;
  meta!: EntityTable<MetaRecord, "key">;
  enrolments!: EntityTable<EnrolmentRecord, "enrolmentId">;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      keys: "userId",
      workingSets: "userId",
      outbox: "id, userId, [userId+seq], [userId+state]",
      meta: "key",
    });
    // 2: shared tablets. Only adds a store: keys, working sets and above all the outbox stay as they are
    // (an app update must never strand unsent changes).
    this.version(2).stores({ enrolments: "enrolmentId, userId" });
  }
}

let db: OfflineDb | null = null;
export function getOfflineDb(): OfflineDb {
  db ??= new OfflineDb();
  return db;
}
