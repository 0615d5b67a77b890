import { date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { patients } from "./patients";
import { rooms } from "./rooms";
import { users } from "./users";

export const appointmentStatusEnum = pgEnum("appointment_status", ["scheduled", "cancelled"]);
export const attendanceEnum = pgEnum("attendance", ["present", "late", "no_show", "cancelled"]);

/** A weekly recurring booking; its occurrences are rows in `appointments`. */
export const appointmentSeries = pgTable(
  "appointment_series",
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
    assistantId: uuid("assistant_id").references(() => users.id),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id),
    /** ISO weekdays, 1 = Monday … 7 = Sunday */
    weekdays: smallint("weekdays").array().notNull(),
    /** local wall-clock time in the clinic's zone, "HH:MM" */
    startTime: text("start_time").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    untilOn: date("until_on", { mode: "string" }),
    occurrences: integer("occurrences"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("appointment_series_clinic_idx").on(t.clinicId), index("appointment_series_patient_idx").on(t.patientId)],
);

/**
 * One booked session. Overlaps per room, therapist, assistant and patient are refused by exclusion
 * constraints (migration 0003), so they hold under concurrency; cancelled rows free their slot.
 */
export const appointments = pgTable(
  "appointments",
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
    assistantId: uuid("assistant_id").references(() => users.id),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    seriesId: uuid("series_id").references(() => appointmentSeries.id),
    status: appointmentStatusEnum("status").notNull().default("scheduled"),
    cancelReason: text("cancel_reason"),
    attendance: attendanceEnum("attendance"),
    arrivedAt: timestamp("arrived_at", { withTimezone: true }),
    attendanceRecordedBy: uuid("attendance_recorded_by").references(() => users.id),
    attendanceRecordedAt: timestamp("attendance_recorded_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("appointments_clinic_starts_idx").on(t.clinicId, t.startsAt),
    index("appointments_assistant_starts_idx").on(t.assistantId, t.startsAt),
    index("appointments_therapist_starts_idx").on(t.therapistId, t.startsAt),
    index("appointments_patient_starts_idx").on(t.patientId, t.startsAt),
    index("appointments_room_starts_idx").on(t.roomId, t.startsAt),
    index("appointments_series_idx").on(t.seriesId),
  ],
);

export type Appointment = typeof appointments.$inferSelect;
export type Attendance = (typeof attendanceEnum.enumValues)[number];
