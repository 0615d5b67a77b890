import {
  boolean,
  date,
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
import { users } from "./users";

export const patientStatusEnum = pgEnum("patient_status", ["active", "discharged"]);

export const patients = pgTable(
  "patients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    mrn: text("mrn").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    preferredName: text("preferred_name"),
    dateOfBirth: date("date_of_birth", { mode: "string" }).notNull(),
    preferredLanguage: text("preferred_language").notNull().default("English"),
    interpreterNeeded: boolean("interpreter_needed").notNull().default(false),
    precautions: text("precautions").array().notNull().default([]),
    primaryTherapistId: uuid("primary_therapist_id").references(() => users.id),
    status: patientStatusEnum("status").notNull().default("active"),
    dischargedAt: timestamp("discharged_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("patients_clinic_mrn_key").on(t.clinicId, t.mrn),
    index("patients_clinic_name_idx").on(t.clinicId, t.lastName, t.firstName),
    index("patients_primary_therapist_idx").on(t.primaryTherapistId),
  ],
);

/** Which patients an assistant may work with (minimum necessary, DESIGN rule 8). */
export const caseloads = pgTable(
  "caseloads",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    assistantId: uuid("assistant_id")
      .notNull()
      .references(() => users.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assistantId, t.patientId] }),
    index("caseloads_patient_idx").on(t.patientId),
    index("caseloads_clinic_idx").on(t.clinicId),
  ],
);

export type Patient = typeof patients.$inferSelect;
