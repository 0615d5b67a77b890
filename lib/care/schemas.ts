import { z } from "zod";
import { isoDay, text } from "@/lib/validation";
import { isTaskType } from "./task-types";

const day = isoDay("validation.care.realDate");
const optionalDay = z.union([z.literal(""), day]).optional().transform((v) => (v ? v : null));
const optionalNumber = z
  .union([z.literal(""), z.coerce.number({ error: "validation.care.number" }).finite()])
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));
const uuid = z.uuid("validation.care.chooseOne");
const taskType = text().refine(isTaskType, "validation.care.taskType");

export const goalSchema = z.object({
  patientId: uuid,
  description: text().trim().min(3, "validation.care.goal").max(500),
  unit: text().trim().min(1, "validation.care.unit").max(40),
  baseline: optionalNumber,
  target: optionalNumber,
  targetDate: optionalDay,
});
export type GoalInput = z.input<typeof goalSchema>;

export const endGoalSchema = z.object({
  goalId: uuid,
  outcome: z.enum(["met", "discontinued"], { error: "validation.care.outcome" }),
  version: z.coerce.number().int().positive(),
});

export const delegationSchema = z
  .object({
    patientId: uuid,
    assistantId: uuid,
    taskType,
    goalId: z.union([z.literal(""), z.uuid()]).optional().transform((v) => (v ? v : null)),
    instructions: text().trim().min(5, "validation.care.instructions").max(2000),
    frequency: text().trim().min(2, "validation.care.frequency").max(100),
    startsOn: day,
    endsOn: optionalDay,
  })
  .refine((d) => !d.endsOn || d.endsOn >= d.startsOn, { path: ["endsOn"], message: "validation.care.endBeforeStart" });
export type DelegationInput = z.input<typeof delegationSchema>;

export const endDelegationSchema = z.object({ delegationId: uuid, version: z.coerce.number().int().positive() });

export const competencySchema = z.object({
  assistantId: uuid,
  taskType,
  verifiedOn: day,
  expiresOn: optionalDay,
  note: text().trim().max(500).optional().default(""),
});
export type CompetencyInput = z.input<typeof competencySchema>;

/** A patient's precautions, one per line in the form. Clinical content (DESIGN rule 8): set by the therapist. */
export const precautionsSchema = z.object({
  patientId: uuid,
  version: z.coerce.number().int().positive(),
  precautions: z
    .union([text(), z.array(text())])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : v.split("\n")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(text().max(200, "validation.care.precautionTooLong")).max(20, "validation.care.tooManyPrecautions")),
});
export type PrecautionsInput = z.input<typeof precautionsSchema>;
