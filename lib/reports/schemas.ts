import { z } from "zod";
import { isoDay, text } from "@/lib/validation";
import { CONCERN_KIND_VALUES } from "./concern-kinds";

export { CONCERN_KINDS } from "./concern-kinds";

const day = isoDay();

export const progressReportSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid("validation.reports.patient"),
    periodStart: day,
    periodEnd: day,
    narrative: text().trim().min(10, "validation.reports.narrative").max(5000),
  })
  .refine((d) => d.periodEnd >= d.periodStart, { path: ["periodEnd"], message: "validation.reports.periodOrder" })
  .refine((d) => (Date.parse(d.periodEnd) - Date.parse(d.periodStart)) / 86_400_000 <= 92, { path: ["periodEnd"], message: "validation.reports.periodLength" });
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
    kind: z.enum(CONCERN_KIND_VALUES, { error: "validation.reports.concernKind" }),
    text: text().trim().max(2000, "validation.reports.concernTextLong").optional().default(""),
  })
  .refine((c) => c.kind !== "other" || c.text.length >= 3, { path: ["text"], message: "validation.reports.concernText" });
export type ConcernInput = z.input<typeof concernSchema>;
