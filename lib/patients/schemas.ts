import { z } from "zod";
import { encodeMessage } from "@/lib/i18n/message-ref";
import { isoDay, searchText, text } from "@/lib/validation";

// messages are catalog keys (validation.*), translated where they are shown
const atMost = (max: number) => encodeMessage("validation.tooLong", { maximum: max });
const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, atMost(max))
    .nullish()
    .transform((v) => (v ? v : null));

export const patientSchema = z.object({
  mrn: text()
    .trim()
    .min(1, "validation.patients.mrn")
    .max(40, atMost(40))
    .regex(/^[A-Za-z0-9-]+$/, "validation.patients.mrnChars"),
  firstName: text().trim().min(1, "validation.patients.firstName").max(80, atMost(80)),
  lastName: text().trim().min(1, "validation.patients.lastName").max(80, atMost(80)),
  preferredName: optionalText(80),
  dateOfBirth: isoDay("validation.patients.dateOfBirth").refine((d) => d <= new Date().toISOString().slice(0, 10), "validation.patients.dateOfBirth"),
  preferredLanguage: text().trim().min(1, "validation.patients.language").max(60, atMost(60)),
  interpreterNeeded: z.boolean().default(false),
  primaryTherapistId: z
    .union([z.literal(""), z.uuid()])
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type PatientInput = z.input<typeof patientSchema>;

export const createPatientSchema = patientSchema.extend({ id: z.uuid().optional() });
export const updatePatientSchema = patientSchema.extend({ patientId: z.uuid(), version: z.coerce.number().int().positive() });
export type UpdatePatientInput = z.input<typeof updatePatientSchema>;
export const dischargePatientSchema = z.object({ patientId: z.uuid(), version: z.coerce.number().int().positive() });

/** The keyset cursor of the patient list: the last row's (last name, first name, id), base64url JSON. */
const cursorRow = z.tuple([text().max(200), text().max(200), z.uuid()]);
export type PatientCursor = z.output<typeof cursorRow>;
export const patientCursorSchema = text()
  .max(1000)
  .transform((s, ctx): unknown => {
    try {
      return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0))));
    } catch {
      ctx.addIssue({ code: "custom", message: "errors.patients.badPage" });
      return z.NEVER;
    }
  })
  .pipe(cursorRow);

export function encodePatientCursor(row: PatientCursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify(row));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The patient list's query string (/admin/patients?q=&status=&after=), read with readSearchParams. */
export const patientSearchParams = {
  q: searchText(80),
  status: z.enum(["active", "discharged", "all"]).default("active"),
  after: text()
    .refine((s) => patientCursorSchema.safeParse(s).success, "errors.patients.badPage")
    .optional(),
};
