import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { patients } from "./patients";
import { appointments } from "./schedule";
import { users } from "./users";

export const reportStatusEnum = pgEnum("report_status", ["submitted", "acknowledged"]);
export const concernKindEnum = pgEnum("concern_kind", ["pain", "fall", "condition_change", "behavior_change", "other"]);
export const concernStatusEnum = pgEnum("concern_status", ["open", "acknowledged"]);

/** An assistant's written progress report for a patient and period, to the supervising therapist. */
export const progressReports = pgTable(
  "progress_reports",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    authorLabel: text("author_label").notNull(),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => users.id),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    /** attendance counts, attitude trend, goal figures and accomplishments compiled at submission */
    figures: jsonb("figures").$type<Record<string, unknown>>().notNull(),
    narrative: text("narrative").notNull(),
    status: reportStatusEnum("status").notNull().default("submitted"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    comment: text("comment"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("progress_reports_therapist_status_idx").on(t.therapistId, t.status, t.submittedAt),
    index("progress_reports_patient_idx").on(t.patientId, t.periodEnd),
    index("progress_reports_author_idx").on(t.authorId),
    index("progress_reports_clinic_idx").on(t.clinicId),
    index("progress_reports_ack_by_idx").on(t.acknowledgedBy),
  ],
);

/** An urgent concern (pain, fall, change in condition or behaviour) raised by an assistant. */
export const concerns = pgTable(
  "concerns",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    raisedBy: uuid("raised_by")
      .notNull()
      .references(() => users.id),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => users.id),
    kind: concernKindEnum("kind").notNull(),
    text: text("text").notNull().default(""),
    status: concernStatusEnum("status").notNull().default("open"),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
    comment: text("comment"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("concerns_therapist_status_idx").on(t.therapistId, t.status, t.raisedAt),
    index("concerns_patient_idx").on(t.patientId, t.raisedAt),
    index("concerns_raised_by_idx").on(t.raisedBy),
    index("concerns_appointment_idx").on(t.appointmentId),
    index("concerns_clinic_idx").on(t.clinicId, t.status),
    index("concerns_ack_by_idx").on(t.acknowledgedBy),
  ],
);

/** "Reported verbally to the therapist": to whom, when, a one-line summary. Logged by the aide from the
 * session page; the id is made on the tablet, so a retried log makes one row. */
export const verbalReports = pgTable(
  "verbal_reports",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    patientId: uuid("patient_id")
      .notNull()
      .references(() => patients.id),
    appointmentId: uuid("appointment_id").references(() => appointments.id),
    reportedBy: uuid("reported_by")
      .notNull()
      .references(() => users.id),
    therapistId: uuid("therapist_id")
      .notNull()
      .references(() => users.id),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull(),
    summary: text("summary").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("verbal_reports_appointment_idx").on(t.appointmentId),
    index("verbal_reports_patient_idx").on(t.patientId, t.reportedAt),
    index("verbal_reports_reported_by_idx").on(t.reportedBy, t.reportedAt),
    index("verbal_reports_therapist_idx").on(t.therapistId, t.reportedAt),
    index("verbal_reports_clinic_idx").on(t.clinicId),
  ],
);

export type ProgressReport = typeof progressReports.$inferSelect;
export type VerbalReport = typeof verbalReports.$inferSelect;
export type Concern = typeof concerns.$inferSelect;
