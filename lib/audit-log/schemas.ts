import { z } from "zod";
import { isoDay, text } from "@/lib/validation";

const day = z.union([z.literal(""), isoDay("Enter a real date.")]).optional();
const id = z.union([z.literal(""), z.uuid()]).optional();

/** The audit log filters, read from the page's query string (a GET form, so filters can be bookmarked). */
export const auditFilterSchema = z
  .object({
    userId: id,
    patientId: id,
    action: text().trim().max(80).regex(/^[a-z_.]*$/, "Actions look like patient.view or auth.sign_in.").optional(),
    from: day,
    to: day,
    /** keyset: events older than this id */
    before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], message: "The end date is before the start date." });
export type AuditFilter = z.output<typeof auditFilterSchema>;
