import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const clinics = pgTable("clinics", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** IANA zone; "today" and the schedule are computed in it. */
  timeZone: text("time_zone").notNull().default("America/Los_Angeles"),
  /** Hours an assistant entry may wait for signature; null = end of the same clinic day. */
  signoffDeadlineHours: integer("signoff_deadline_hours"),
  idleTimeoutMinutes: integer("idle_timeout_minutes").notNull().default(15),
  /** Days a tablet's PIN sign-in (pin_enrolments) lasts after the full sign-in that made it. */
  pinEnrolmentDays: integer("pin_enrolment_days").notNull().default(30),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  version: integer("version").notNull().default(1),
});

export type Clinic = typeof clinics.$inferSelect;
