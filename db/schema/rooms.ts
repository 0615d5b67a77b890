import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { users } from "./users";

export const roomKindEnum = pgEnum("room_kind", ["gym", "treatment", "sensory", "speech", "aquatic", "group"]);
export const equipmentStatusEnum = pgEnum("equipment_status", ["ok", "needs_service", "out_of_service"]);
export const roomPrepStatusEnum = pgEnum("room_prep_status", ["not_started", "in_progress", "ready"]);
export const prepItemResultEnum = pgEnum("prep_item_result", ["ok", "failed"]);
export const supplyMovementKindEnum = pgEnum("supply_movement_kind", ["use", "restock", "adjust"]);

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

export const equipment = pgTable(
  "equipment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id),
    name: text("name").notNull(),
    status: equipmentStatusEnum("status").notNull().default("ok"),
    statusNote: text("status_note"),
    nextMaintenanceOn: date("next_maintenance_on", { mode: "string" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("equipment_room_idx").on(t.roomId), index("equipment_clinic_maintenance_idx").on(t.clinicId, t.nextMaintenanceOn)],
);

/** A prep checklist for a kind of room, or for one room (room_id wins over room_kind). */
export const checklistTemplates = pgTable(
  "checklist_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    name: text("name").notNull(),
    roomKind: roomKindEnum("room_kind"),
    roomId: uuid("room_id").references(() => rooms.id),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("checklist_templates_clinic_idx").on(t.clinicId), index("checklist_templates_room_idx").on(t.roomId)],
);

export const checklistTemplateItems = pgTable(
  "checklist_template_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => checklistTemplates.id),
    position: smallint("position").notNull(),
    label: text("label").notNull(),
    required: boolean("required").notNull().default(true),
    equipmentId: uuid("equipment_id").references(() => equipment.id),
    active: boolean("active").notNull().default(true),
  },
  (t) => [index("checklist_template_items_template_idx").on(t.templateId, t.position), index("checklist_template_items_equipment_idx").on(t.equipmentId)],
);

/** One room's preparation for one clinic-local day; its items are copied from the template when it
 * is created, so later template edits never change a checklist already under way or done. */
export const roomPreps = pgTable(
  "room_preps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id),
    day: date("day", { mode: "string" }).notNull(),
    templateId: uuid("template_id").references(() => checklistTemplates.id),
    status: roomPrepStatusEnum("status").notNull().default("not_started"),
    completedBy: uuid("completed_by").references(() => users.id),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("room_preps_room_day_key").on(t.roomId, t.day),
    index("room_preps_clinic_day_idx").on(t.clinicId, t.day),
    index("room_preps_template_idx").on(t.templateId),
    index("room_preps_completed_by_idx").on(t.completedBy),
  ],
);

export const roomPrepItems = pgTable(
  "room_prep_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    prepId: uuid("prep_id")
      .notNull()
      .references(() => roomPreps.id),
    position: smallint("position").notNull(),
    label: text("label").notNull(),
    required: boolean("required").notNull(),
    equipmentId: uuid("equipment_id").references(() => equipment.id),
    result: prepItemResultEnum("result"),
    checkedBy: uuid("checked_by").references(() => users.id),
    checkedAt: timestamp("checked_at", { withTimezone: true }),
    note: text("note"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("room_prep_items_prep_idx").on(t.prepId, t.position),
    index("room_prep_items_equipment_idx").on(t.equipmentId),
    index("room_prep_items_checked_by_idx").on(t.checkedBy),
  ],
);

export const supplies = pgTable(
  "supplies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    onHand: integer("on_hand").notNull().default(0),
    reorderLevel: integer("reorder_level").notNull().default(0),
    active: boolean("active").notNull().default(true),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("supplies_clinic_name_key").on(t.clinicId, t.name),
    check("supplies_on_hand_nonnegative", sql`${t.onHand} >= 0`),
  ],
);

/** Every change to a supply's stock; `id` is made by the client so a retried tap records one movement. */
export const supplyMovements = pgTable(
  "supply_movements",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    supplyId: uuid("supply_id")
      .notNull()
      .references(() => supplies.id),
    kind: supplyMovementKindEnum("kind").notNull(),
    /** signed change to on_hand */
    delta: integer("delta").notNull(),
    byUserId: uuid("by_user_id")
      .notNull()
      .references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    note: text("note"),
  },
  (t) => [index("supply_movements_supply_at_idx").on(t.supplyId, t.at), index("supply_movements_by_idx").on(t.byUserId), index("supply_movements_clinic_idx").on(t.clinicId, t.at)],
);

export type Room = typeof rooms.$inferSelect;
export type Equipment = typeof equipment.$inferSelect;
