import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";

export const roomKindEnum = pgEnum("room_kind", ["gym", "treatment", "sensory", "speech", "aquatic", "group"]);

export const rooms = pgTable(
  "rooms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    name: text("name").notNull(),
    kind: roomKindEnum("kind").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("rooms_clinic_name_key").on(t.clinicId, t.name), index("rooms_clinic_idx").on(t.clinicId)],
);

export type Room = typeof rooms.$inferSelect;
