import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { delegations, goals } from "./care";
import { clinics } from "./clinics";
import { patients } from "./patients";
import { disciplineEnum, users } from "./users";

/** The languages a handout is written in; every version carries every one of them. */
export const HANDOUT_LANGUAGES = ["en", "es"] as const;
export type HandoutLanguage = (typeof HANDOUT_LANGUAGES)[number];

/** One language's text of a handout version. */
export type HandoutText = { title: string; steps: string[]; precautions: string[]; frequency: string };
export type HandoutContent = Record<HandoutLanguage, HandoutText>;

/** A home-exercise or self-care handout a therapist wrote. Its text lives in versions (never edited). */
export const handouts = pgTable(
  "handouts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    discipline: disciplineEnum("discipline"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    /** the newest version's number (revising bumps it; a stale number is a CONFLICT) */
    currentVersion: integer("current_version").notNull().default(1),
    archived: boolean("archived").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("handouts_clinic_list_idx").on(t.clinicId, t.archived, t.updatedAt), index("handouts_created_by_idx").on(t.createdBy)],
);

/** A published version of a handout, in every language. Read-only once written: an edit is a new version,
 * and an education record keeps the version that was given. */
export const handoutVersions = pgTable(
  "handout_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    handoutId: uuid("handout_id")
      .notNull()
      .references(() => handouts.id),
    version: integer("version").notNull(),
    content: jsonb("content").$type<HandoutContent>().notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("handout_versions_handout_version_key").on(t.handoutId, t.version),
    index("handout_versions_clinic_idx").on(t.clinicId),
    index("handout_versions_created_by_idx").on(t.createdBy),
  ],
);

/** A handout linked to one of a patient's goals or delegations. Unlinking ends the link (kept for history). */
export const handoutLinks = pgTable(
  "handout_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    handoutId: uuid("handout_id")
      .notNull()
      .references(() => handouts.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    goalId: uuid("goal_id").references(() => goals.id),
    delegationId: uuid("delegation_id").references(() => delegations.id),
    linkedBy: uuid("linked_by")
      .notNull()
      .references(() => users.id),
    linkedAt: timestamp("linked_at", { withTimezone: true }).notNull().defaultNow(),
    unlinkedBy: uuid("unlinked_by").references(() => users.id),
    unlinkedAt: timestamp("unlinked_at", { withTimezone: true }),
  },
  (t) => [
    check("handout_links_one_target", sql`(${t.goalId} is null) <> (${t.delegationId} is null)`),
    uniqueIndex("handout_links_goal_key").on(t.handoutId, t.goalId).where(sql`unlinked_at is null and goal_id is not null`),
    uniqueIndex("handout_links_delegation_key").on(t.handoutId, t.delegationId).where(sql`unlinked_at is null and delegation_id is not null`),
    index("handout_links_patient_idx").on(t.patientId, t.unlinkedAt),
    index("handout_links_handout_idx").on(t.handoutId),
    index("handout_links_goal_idx").on(t.goalId),
    index("handout_links_delegation_idx").on(t.delegationId),
    index("handout_links_clinic_idx").on(t.clinicId),
    index("handout_links_linked_by_idx").on(t.linkedBy),
    index("handout_links_unlinked_by_idx").on(t.unlinkedBy),
  ],
);

export type Handout = typeof handouts.$inferSelect;
export type HandoutVersion = typeof handoutVersions.$inferSelect;
export type HandoutLink = typeof handoutLinks.$inferSelect;
