import { z } from "zod";
import { isoDay, text } from "@/lib/validation";

// messages are catalog keys (validation.*), translated where they are shown
const day = isoDay("validation.rooms.realDate");
const id = z.uuid("validation.rooms.chooseItem");
const version = z.coerce.number().int().positive();

export const ROOM_KINDS = ["gym", "treatment", "sensory", "speech", "aquatic", "group"] as const;
/** Labels: the `roomKinds` catalog namespace. */

export const ensureRoomPrepSchema = z.object({ roomId: id, day });

export const checkPrepItemSchema = z.object({
  itemId: id,
  /** "failed" is only for items linked to equipment: the check found it unsafe */
  result: z.enum(["ok", "failed"]).default("ok"),
});

export type CheckPrepItemInput = z.input<typeof checkPrepItemSchema>;

export const uncheckPrepItemSchema = z.object({ itemId: id });
export type UncheckPrepItemInput = z.input<typeof uncheckPrepItemSchema>;

export const prepItemNoteSchema = z.object({
  itemId: id,
  note: text().trim().max(500, "validation.rooms.note500"),
  version,
});
export type PrepItemNoteInput = z.input<typeof prepItemNoteSchema>;

export const completeRoomPrepSchema = z.object({ prepId: id });
export type CompleteRoomPrepInput = z.input<typeof completeRoomPrepSchema>;

export const EQUIPMENT_STATUSES = ["ok", "needs_service", "out_of_service"] as const;
/** Labels: the `equipmentStatus` catalog namespace. */

export const equipmentStatusSchema = z.object({
  equipmentId: id,
  status: z.enum(EQUIPMENT_STATUSES, { error: "validation.rooms.status" }),
  statusNote: text().trim().max(300, "validation.rooms.note300"),
  /** empty = no maintenance scheduled */
  nextMaintenanceOn: z.union([z.literal(""), day]).transform((v) => (v === "" ? null : v)),
  version,
});
export type EquipmentStatusInput = z.input<typeof equipmentStatusSchema>;

export const createEquipmentSchema = z.object({
  id,
  roomId: id,
  name: text().trim().min(2, "validation.rooms.equipmentName").max(100, "validation.rooms.name100"),
  /** empty = no maintenance scheduled */
  nextMaintenanceOn: z.union([z.literal(""), day]).transform((v) => (v === "" ? null : v)),
});
export type CreateEquipmentInput = z.input<typeof createEquipmentSchema>;

export const templateItemSchema = z.object({
  label: text().trim().min(2, "validation.rooms.itemLabel").max(200, "validation.rooms.item200"),
  required: z.boolean(),
  /** empty = not linked to equipment */
  equipmentId: z.union([z.literal(""), z.uuid()]).transform((v) => (v === "" ? null : v)),
});

const templateFields = {
  name: text().trim().min(2, "validation.rooms.checklistName").max(100, "validation.rooms.name100"),
  /** "kind:gym" for every room of a kind, or "room:<uuid>" for one room */
  appliesTo: text()
    .regex(/^(kind:(gym|treatment|sensory|speech|aquatic|group)|room:[0-9a-f-]{36})$/i, "validation.rooms.appliesTo"),
  items: z.array(templateItemSchema).min(1, "validation.rooms.atLeastOneItem").max(40, "validation.rooms.maxItems"),
};

export const createChecklistTemplateSchema = z.object({ id, ...templateFields });
export const updateChecklistTemplateSchema = z.object({ templateId: id, ...templateFields, version });
export type ChecklistTemplateInput = z.input<typeof createChecklistTemplateSchema>;
export type ChecklistTemplateUpdateInput = z.input<typeof updateChecklistTemplateSchema>;

export function parseAppliesTo(v: string): { roomKind: (typeof ROOM_KINDS)[number] | null; roomId: string | null } {
  const [kind, value] = v.split(":") as [string, string];
  return kind === "kind" ? { roomKind: value as (typeof ROOM_KINDS)[number], roomId: null } : { roomKind: null, roomId: value.toLowerCase() };
}
