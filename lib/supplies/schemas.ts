import { z } from "zod";
import { text } from "@/lib/validation";

// messages are catalog keys (validation.*), translated where they are shown

export const supplyMovementSchema = z.object({
  /** made by the tablet (crypto.randomUUID()) so a retried tap records one movement */
  id: z.uuid(),
  supplyId: z.uuid("validation.supplies.supply"),
  kind: z.enum(["use", "restock"], { error: "validation.supplies.kind" }),
  quantity: z.coerce
    .number({ error: "validation.supplies.howMany" })
    .int("validation.supplies.whole")
    .min(1, "validation.supplies.atLeastOne")
    .max(10_000, "validation.supplies.maxMove"),
  note: text().trim().max(200, "validation.supplies.note").default(""),
});
export type SupplyMovementInput = z.input<typeof supplyMovementSchema>;

const supplyFields = {
  name: text().trim().min(2, "validation.supplies.name").max(100, "validation.supplies.name100"),
  unit: text().trim().min(1, "validation.supplies.unit").max(30, "validation.supplies.unitShort"),
  reorderLevel: z.coerce.number({ error: "validation.supplies.number" }).int("validation.supplies.whole").min(0, "validation.supplies.zeroOrMore").max(100_000, "validation.supplies.tooMany"),
};

export const createSupplySchema = z.object({
  id: z.uuid(),
  ...supplyFields,
  onHand: z.coerce.number({ error: "validation.supplies.number" }).int("validation.supplies.whole").min(0, "validation.supplies.notNegative").max(100_000, "validation.supplies.tooMany"),
});
export type CreateSupplyInput = z.input<typeof createSupplySchema>;

export const updateSupplySchema = z.object({ supplyId: z.uuid(), ...supplyFields, version: z.coerce.number().int().positive() });
export type UpdateSupplyInput = z.input<typeof updateSupplySchema>;
