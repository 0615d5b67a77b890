import { z } from "zod";
import { text } from "@/lib/validation";

// Messages are catalog keys (messages/*.json), translated where they are shown.

const id = z.uuid("validation.review.unknownEntry");
const version = z.coerce.number().int().positive();

export const signObservationSchema = z.object({
  observationId: id,
  version,
  password: text().min(1, "validation.review.password"),
});
export type SignObservationInput = z.input<typeof signObservationSchema>;

export const returnObservationSchema = z.object({
  observationId: id,
  version,
  comment: text().trim().min(3, "validation.review.comment").max(2000),
});
export type ReturnObservationInput = z.input<typeof returnObservationSchema>;

export const amendObservationSchema = z.object({
  observationId: id,
  reason: text().trim().min(3, "validation.review.reason").max(500),
  text: text().trim().min(3, "validation.review.text").max(4000),
});
export type AmendObservationInput = z.input<typeof amendObservationSchema>;
