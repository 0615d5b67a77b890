import { z } from "zod";
import { isoDay, text } from "@/lib/validation";

const day = isoDay("Use a real date like 2026-03-14.");
const id = z.uuid("Choose an item from the list.");
const version = z.coerce.number().int().positive();

export const ROOM_KINDS = ["gym", "treatment", "sensory", "speech", "aquatic", "group"] as const;
export const ROOM_KIND_LABEL: Record<(typeof ROOM_KINDS)[number], string> = {
  gym: "Gym",
  treatment: "Treatment room",
  sensory: "Sensory room",
  speech: "Speech room",
  aquatic: "Aquatic",
  group: "Group room",
};

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
  note: text().trim().max(500, "Keep the note under 500 characters."),
  version,
});
export type PrepItemNoteInput = z.input<typeof prepItemNoteSchema>;

export const completeRoomPrepSchema = z.object({ prepId: id });
export type CompleteRoomPrepInput = z.input<typeof completeRoomPrepSchema>;

export const EQUIPMENT_STATUSES = ["ok", "needs_service", "out_of_service"] as const;
export const EQUIPMENT_STATUS_LABEL: Record<(typeof EQUIPMENT_STATUSES)[number], string> = {
  ok: "OK",
  needs_service: "Needs service",
  out_of_service: "Out of service",
};

export const equipmentStatusSchema = z.object({
  equipmentId: id,
  status: z.enum(EQUIPMENT_STATUSES, { error: "Choose a status." }),
  statusNote: text().trim().max(300, "Keep the note under 300 characters."),
  /** empty = no maintenance scheduled */
  nextMaintenanceOn: z.union([z.literal(""), day]).transform((v) => (v === "" ? null : v)),
  version,
});
export type EquipmentStatusInput = z.input<typeof equipmentStatusSchema>;

export const createEquipmentSchema = z.object({
  id,
  roomId: id,
  name: text().trim().min(2, "Name the equipment.").max(100, "Keep the name under 100 characters."),
  /** empty = no maintenance scheduled */
  nextMaintenanceOn: z.union([z.literal(""), day]).transform((v) => (v === "" ? null : v)),
});
export type CreateEquipmentInput = z.input<typeof createEquipmentSchema>;

export const templateItemSchema = z.object({
  label: text().trim().min(2, "Describe the item (at least 2 characters).").max(200, "Keep items under 200 characters."),
  required: z.boolean(),
  /** empty = not linked to equipment */
  equipmentId: z.union([z.literal(""), z.uuid()]).transform((v) => (v === "" ? null : v)),
});

const templateFields = {
  name: text().trim().min(2, "Name the checklist.").max(100, "Keep the name under 100 characters."),
  /** "kind:gym" for every room of a kind, or "room:<uuid>" for one room */
  appliesTo: text()
    .regex(/^(kind:(gym|treatment|sensory|speech|aquatic|group)|room:[0-9a-f-]{36})$/i, "Choose which rooms this checklist is for."),
  items: z.array(templateItemSchema).min(1, "Add at least one item.").max(40, "At most 40 items."),
};

export const createChecklistTemplateSchema = z.object({ id, ...templateFields });
export const updateChecklistTemplateSchema = z.object({ templateId: id, ...templateFields, version });
export type ChecklistTemplateInput = z.input<typeof createChecklistTemplateSchema>;
export type ChecklistTemplateUpdateInput = z.input<typeof updateChecklistTemplateSchema>;

export function parseAppliesTo(v: string): { roomKind: (typeof ROOM_KINDS)[number] | null; roomId: string | null } {
  const [kind, value] = v.split(":") as [string, string];
  return kind === "kind" ? { roomKind: value as (typeof ROOM_KINDS)[number], roomId: null } : { roomKind: null, roomId: value.toLowerCase() };
}
