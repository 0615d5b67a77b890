
import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clinics } from "./clinics";

export const roleEnum = pgEnum("role", ["admin", "therapist", "assistant"]);
export const disciplineEnum = pgEnum("discipline", ["PT", "OT", "SLP", "RT"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    /** Stored lower-cased; unique across the whole service because it is the sign-in name. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: roleEnum("role").notNull(),
    /** Credential shown with signatures, e.g. "OTR/L", "DPT", "Rehabilitation Aide". */
    title: text("title"),
    discipline: disciplineEnum("discipline"),
    /** UI language chosen on /account ("en", "es", …; lib/i18n/locales.ts); null follows the browser's. */
    locale: text("locale"),
    passwordHash: text("password_hash").notNull(),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    active: boolean("active").notNull().default(true),
    /** Bumped on deactivation, role change and password reset: every session issued before is void. */
    sessionVersion: integer("session_version").notNull().default(1),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
    index("users_clinic_role_idx").on(t.clinicId, t.role, t.name),
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Server-side record of each signed-in session: revocable, with idle and absolute expiry. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    sessionVersion: integer("session_version").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    /** how it was opened: "password" (the full sign-in) or "pin" (a shared tablet's switch, pin_enrolments) */
    method: text("method").notNull().default("password"),
    /** the tablet enrolment it was opened with, or (for a password session) the one made during it */
    enrolmentId: uuid("enrolment_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("auth_sessions_user_idx").on(t.userId),
    index("auth_sessions_clinic_idx").on(t.clinicId),
  ],
);

/** Every sign-in attempt, by the email typed and the client address: throttling reads this table,
 * so it holds across several app instances. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    success: boolean("success").notNull(),
  },
  (t) => [
    index("login_attempts_email_at_idx").on(t.email, t.at),
    index("login_attempts_ip_at_idx").on(t.ip, t.at),
  ],
);

export const supervisions = pgTable(
  "supervisions",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    assistantId: uuid("assistant_id")
      .notNull()
      .references(() => users.id),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assistantId, t.therapistId] }),
    index("supervisions_therapist_idx").on(t.therapistId),
    index("supervisions_clinic_idx").on(t.clinicId),
  ],
);

export type User = typeof users.$inferSelect;
export type Role = (typeof roleEnum.enumValues)[number];
export type Discipline = (typeof disciplineEnum.enumValues)[number];
export const ROLES = roleEnum.enumValues;

// Guard against an email stored with capitals slipping past the lower-case convention.
