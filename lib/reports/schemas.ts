import { z } from "zod";
import { CONCERN_KIND_VALUES } from "./concern-kinds";

export { CONCERN_KINDS } from "./concern-kinds";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date (YYYY-MM-DD).");

export const progressReportSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid("Choose a patient."),
    periodStart: day,
    periodEnd: day,
    narrative: z.string().trim().min(10, "Write a few sentences about the patient's progress.").max(5000),
  })
  .refine((d) => d.periodEnd >= d.periodStart, { path: ["periodEnd"], message: "The period ends before it starts." })
  .refine((d) => (Date.parse(d.periodEnd) - Date.parse(d.periodStart)) / 86_400_000 <= 92, { path: ["periodEnd"], message: "A report covers at most 3 months." });
export type ProgressReportInput = z.input<typeof progressReportSchema>;

export const acknowledgeSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().positive(),
  comment: z.string().trim().min(2, "validation.reports.acknowledgeComment").max(2000),
});
export type AcknowledgeInput = z.input<typeof acknowledgeSchema>;


export const concernSchema = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  appointmentId: z.union([z.literal(""), z.uuid()]).optional().transform((v) => (v ? v : null)),
  kind: z.enum(CONCERN_KIND_VALUES, { error: "Choose what happened." }),
  text: z.string().trim().max(2000).optional().default(""),
});
export type ConcernInput = z.input<typeof concernSchema>;
