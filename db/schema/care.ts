import { sql } from "drizzle-orm";
import { date, index, integer, numeric, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { patients } from "./patients";
import { users } from "./users";

export const goalStatusEnum = pgEnum("goal_status", ["active", "met", "discontinued"]);
export const delegationStatusEnum = pgEnum("delegation_status", ["active", "ended"]);

/** A therapist's measurable goal for a patient (e.g. "walk 150 ft with a walker"). */
export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => users.id),
    description: text("description").notNull(),
    /** unit of the measured value: "ft", "reps", "seconds", "%", "steps" … */
    unit: text("unit").notNull(),
    baseline: numeric("baseline", { mode: "number" }),
    target: numeric("target", { mode: "number" }),
    targetDate: date("target_date", { mode: "string" }),
    status: goalStatusEnum("status").notNull().default("active"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("goals_patient_status_idx").on(t.patientId, t.status), index("goals_therapist_idx").on(t.therapistId), index("goals_clinic_idx").on(t.clinicId)],
);

/** A therapist's record that an assistant is competent at a task type (DESIGN rule 2). */
export const competencies = pgTable(
  "competencies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    assistantId: uuid("assistant_id")
      .notNull()
      .references(() => users.id),
    /** key from lib/care/task-types.ts */
    taskType: text("task_type").notNull(),
    verifiedBy: uuid("verified_by")
      .notNull()
      .references(() => users.id),
    verifiedAt: timestamp("verified_at", { withTimezone: true }).notNull().defaultNow(),
    expiresOn: date("expires_on", { mode: "string" }),
    note: text("note"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("competencies_current_key").on(t.assistantId, t.taskType).where(sql`revoked_at is null`),
    index("competencies_verified_by_idx").on(t.verifiedBy),
    index("competencies_clinic_idx").on(t.clinicId),
  ],
);

/** Work a therapist handed to an assistant for one patient (DESIGN rule 1). */
export const delegations = pgTable(
  "delegations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => users.id),
    assistantId: uuid("assistant_id")
      .notNull()
      .references(() => users.id),
    taskType: text("task_type").notNull(),
    goalId: uuid("goal_id").references(() => goals.id),
    instructions: text("instructions").notNull(),
    /** e.g. "each session", "3x/week" */
    frequency: text("frequency").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    status: delegationStatusEnum("status").notNull().default("active"),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("delegations_assistant_patient_idx").on(t.assistantId, t.patientId, t.status),
    index("delegations_patient_idx").on(t.patientId),
    index("delegations_therapist_idx").on(t.therapistId),
    index("delegations_goal_idx").on(t.goalId),
    index("delegations_clinic_idx").on(t.clinicId),
  ],
);

export type Goal = typeof goals.$inferSelect;
export type Competency = typeof competencies.$inferSelect;
export type Delegation = typeof delegations.$inferSelect;
