import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { users } from "./users";

/**
 * A shared tablet's quick sign-in for one aide (README "Shared tablets"). The tablet keeps an Ed25519
 * private key wrapped under a key derived from the aide's PIN, without an integrity check; the server
 * keeps only the public key, so a wrong PIN is told from a right one only here, by the signature over
 * a fresh challenge, and counted here. Nothing stored here lets anyone find the PIN.
 */
export const pinEnrolments = pgTable(
  "pin_enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** random id the tablet made for itself (its device store), not a hardware id */
    deviceId: uuid("device_id").notNull(),
    /** e.g. "Chrome on Android", from the user agent at enrolment, for the admin's list */
    deviceLabel: text("device_label").notNull(),
    /** Ed25519 public key, 32 bytes base64url */
    publicKey: text("public_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    /** wrong PINs in a row; at the limit the enrolment is disabled (counted with UPDATE … RETURNING) */
    failedAttempts: integer("failed_attempts").notNull().default(0),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    /** "admin", "deactivated", "re-enrolled", "removed" */
    revokedReason: text("revoked_reason"),
  },
  (t) => [
    index("pin_enrolments_user_idx").on(t.userId),
    index("pin_enrolments_clinic_device_idx").on(t.clinicId, t.deviceId),
    index("pin_enrolments_revoked_by_idx").on(t.revokedBy),
  ],
);

/** One-time challenges for a PIN sign-in: a fresh nonce, short-lived, used once. The enrolment id is
 * what the tablet asked for, kept without a foreign key, so an unknown id gets a challenge like any other. */
export const pinChallenges = pgTable(
  "pin_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrolmentId: uuid("enrolment_id").notNull(),
    nonce: text("nonce").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("pin_challenges_expires_idx").on(t.expiresAt)],
);

export type PinEnrolment = typeof pinEnrolments.$inferSelect;
