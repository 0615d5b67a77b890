import { z } from "zod";
import { text } from "@/lib/validation";

export const supplyMovementSchema = z.object({
  /** made by the tablet (crypto.randomUUID()) so a retried tap records one movement */
  id: z.uuid(),
  supplyId: z.uuid("Choose a supply."),
  kind: z.enum(["use", "restock"], { error: "Choose use or restock." }),
  quantity: z.coerce
    .number({ error: "Enter how many." })
    .int("Whole numbers only.")
    .min(1, "At least 1.")
    .max(10_000, "At most 10,000 at a time."),
  note: text().trim().max(200, "Keep the note under 200 characters.").default(""),
});
export type SupplyMovementInput = z.input<typeof supplyMovementSchema>;

const supplyFields = {
  name: text().trim().min(2, "Name the supply.").max(100, "Keep the name under 100 characters."),
  unit: text().trim().min(1, "Give a unit, e.g. box, roll, pair.").max(30, "Keep the unit short."),
  reorderLevel: z.coerce.number({ error: "Enter a number." }).int("Whole numbers only.").min(0, "Zero or more.").max(100_000, "That is too many."),
};

export const createSupplySchema = z.object({
  id: z.uuid(),
  ...supplyFields,
  onHand: z.coerce.number({ error: "Enter a number." }).int("Whole numbers only.").min(0, "Stock cannot be negative.").max(100_000, "That is too many."),
});
export type CreateSupplyInput = z.input<typeof createSupplySchema>;

export const updateSupplySchema = z.object({ supplyId: z.uuid(), ...supplyFields, version: z.coerce.number().int().positive() });
export type UpdateSupplyInput = z.input<typeof updateSupplySchema>;
