import { z } from "zod";
import { isoDay, text } from "@/lib/validation";
import { CONCERN_KIND_VALUES } from "./concern-kinds";

export { CONCERN_KINDS } from "./concern-kinds";

const day = isoDay("Use a real date (YYYY-MM-DD).");

export const progressReportSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid("Choose a patient."),
    periodStart: day,
    periodEnd: day,
    narrative: text().trim().min(10, "Write a few sentences about the patient's progress.").max(5000),
  })
  .refine((d) => d.periodEnd >= d.periodStart, { path: ["periodEnd"], message: "The period ends before it starts." })
  .refine((d) => (Date.parse(d.periodEnd) - Date.parse(d.periodStart)) / 86_400_000 <= 92, { path: ["periodEnd"], message: "A report covers at most 3 months." });
export type ProgressReportInput = z.input<typeof progressReportSchema>;

export const acknowledgeSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().positive(),
  comment: text().trim().min(2, "validation.reports.acknowledgeComment").max(2000),
});
export type AcknowledgeInput = z.input<typeof acknowledgeSchema>;


export const concernSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    appointmentId: z.union([z.literal(""), z.uuid()]).optional().transform((v) => (v ? v : null)),
    kind: z.enum(CONCERN_KIND_VALUES, { error: "Choose what happened." }),
    text: text().trim().max(2000, "At most 2000 characters.").optional().default(""),
  })
  .refine((c) => c.kind !== "other" || c.text.length >= 3, { path: ["text"], message: "Describe what happened." });
export type ConcernInput = z.input<typeof concernSchema>;
