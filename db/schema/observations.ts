import { boolean, index, integer, numeric, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { delegations, goals } from "./care";
import { clinics } from "./clinics";
import { handoutVersions } from "./handouts";
import { patients } from "./patients";
import { appointments } from "./schedule";
import { users } from "./users";

export const observationStatusEnum = pgEnum("observation_status", ["draft", "submitted", "returned", "signed"]);
export const assistLevelEnum = pgEnum("assist_level", ["independent", "supervision", "minimal", "moderate", "maximal", "dependent"]);
export const educationAudienceEnum = pgEnum("education_audience", ["patient", "family", "caregiver"]);
export const educationMethodEnum = pgEnum("education_method", ["verbal", "demonstration", "handout", "video"]);
export const understandingEnum = pgEnum("understanding", ["full", "partial", "none"]);

/**
 * An assistant's entry for one appointment. Its id is made on the tablet (idempotent submits). It is an
 * observation pending the supervising therapist's signature until signed (DESIGN rule 3); once signed it
 * never changes (a trigger in migration 0003 refuses it) and corrections are amendments.
 */
export const observations = pgTable(
  "observations",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    appointmentId: uuid("appointment_id")
      .notNull()
      .references(() => appointments.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    capturedBy: uuid("captured_by")
      .notNull()
      .references(() => users.id),
    /** "captured by NAME, title, role" as it stood when captured */
    capturedByLabel: text("captured_by_label").notNull(),
    supervisingTherapistId: uuid("supervising_therapist_id")
      .notNull()
      .references(() => users.id),
    attitude: smallint("attitude"),
    attitudeTags: text("attitude_tags").array().notNull().default([]),
    accomplishments: text("accomplishments").notNull().default(""),
    comfortAndNeeds: text("comfort_and_needs").notNull().default(""),
    note: text("note").notNull().default(""),
    status: observationStatusEnum("status").notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    returnedAt: timestamp("returned_at", { withTimezone: true }),
    returnedBy: uuid("returned_by").references(() => users.id),
    returnComment: text("return_comment"),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedBy: uuid("signed_by").references(() => users.id),
    /** "signed by NAME, title" as it stood when signed */
    signedByLabel: text("signed_by_label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("observations_appointment_key").on(t.appointmentId),
    index("observations_review_idx").on(t.supervisingTherapistId, t.status, t.submittedAt),
    index("observations_patient_idx").on(t.patientId, t.createdAt),
    index("observations_captured_by_idx").on(t.capturedBy, t.status),
    index("observations_clinic_status_idx").on(t.clinicId, t.status, t.submittedAt),
    index("observations_signed_by_idx").on(t.signedBy),
    index("observations_returned_by_idx").on(t.returnedBy),
  ],
);

export const goalObservations = pgTable(
  "goal_observations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => goals.id),
    value: numeric("value", { mode: "number" }),
    assistLevel: assistLevelEnum("assist_level"),
    note: text("note").notNull().default(""),
  },
  (t) => [uniqueIndex("goal_observations_obs_goal_key").on(t.observationId, t.goalId), index("goal_observations_goal_idx").on(t.goalId)],
);

export const taskCompletions = pgTable(
  "task_completions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id),
    delegationId: uuid("delegation_id")
      .notNull()
      .references(() => delegations.id),
    done: boolean("done").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [
    uniqueIndex("task_completions_obs_delegation_key").on(t.observationId, t.delegationId),
    index("task_completions_delegation_idx").on(t.delegationId),
  ],
);

export const educationGiven = pgTable(
  "education_given",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id),
    topic: text("topic").notNull(),
    audience: educationAudienceEnum("audience").notNull(),
    method: educationMethodEnum("method").notNull(),
    /** shown by teach-back */
    understanding: understandingEnum("understanding").notNull(),
    language: text("language").notNull(),
    /** the handout version that was given (method "handout"), in `language` */
    handoutVersionId: uuid("handout_version_id").references(() => handoutVersions.id),
    position: smallint("position").notNull().default(0),
  },
  (t) => [index("education_given_observation_idx").on(t.observationId), index("education_given_handout_version_idx").on(t.handoutVersionId)],
);

/** Corrections to a signed entry, shown with the original (DESIGN rule 4). */
export const amendments = pgTable(
  "amendments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    observationId: uuid("observation_id")
      .notNull()
      .references(() => observations.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    authorLabel: text("author_label").notNull(),
    reason: text("reason").notNull(),
    text: text("text").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("amendments_observation_idx").on(t.observationId), index("amendments_author_idx").on(t.authorId)],
);

export type Observation = typeof observations.$inferSelect;
export type ObservationStatus = (typeof observationStatusEnum.enumValues)[number];
export type AssistLevel = (typeof assistLevelEnum.enumValues)[number];
