import { z } from "zod";
import { text } from "@/lib/validation";

/** "Reported verbally to the therapist" (the aide's duty to report verbally or in writing), logged in
 * two taps from the session page. The id is made on the tablet, so a retried log makes one record. */
export const verbalReportSchema = z.object({
  id: z.uuid("The report id is missing; reload the page."),
  appointmentId: z.uuid("Unknown appointment."),
  therapistId: z.uuid("Choose who you told."),
  /** ISO 8601 with offset; empty or missing = now */
  reportedAt: z
    .union([z.literal(""), z.iso.datetime({ offset: true, error: "Enter when you told them." })])
    .optional()
    .transform((v) => (v ? new Date(v) : null)),
  summary: text().trim().min(3, "Say in one line what you reported.").max(200, "Keep it to one line (200 characters)."),
});
export type VerbalReportInput = z.input<typeof verbalReportSchema>;

export type VerbalReportResult = { id: string; therapistLabel: string; reportedAt: string };
