import { z } from "zod";
import { text } from "@/lib/validation";

const id = z.uuid("Unknown entry.");
const version = z.coerce.number().int().positive();

export const signObservationSchema = z.object({
  observationId: id,
  version,
  password: text().min(1, "Enter your password to sign."),
});
export type SignObservationInput = z.input<typeof signObservationSchema>;

export const returnObservationSchema = z.object({
  observationId: id,
  version,
  comment: text().trim().min(3, "Say what the assistant should fix or add.").max(2000),
});
export type ReturnObservationInput = z.input<typeof returnObservationSchema>;

export const amendObservationSchema = z.object({
  observationId: id,
  reason: text().trim().min(3, "Give the reason for the amendment.").max(500),
  text: text().trim().min(3, "Write the correction or addition.").max(4000),
});
export type AmendObservationInput = z.input<typeof amendObservationSchema>;
