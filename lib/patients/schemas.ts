import { z } from "zod";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .nullish()
    .transform((v) => (v ? v : null));

export const patientSchema = z.object({
  mrn: z
    .string()
    .trim()
    .min(1, "Enter the medical record number.")
    .max(40, "At most 40 characters.")
    .regex(/^[A-Za-z0-9-]+$/, "Letters, digits and dashes only."),
  firstName: z.string().trim().min(1, "Enter the first name.").max(80, "At most 80 characters."),
  lastName: z.string().trim().min(1, "Enter the last name.").max(80, "At most 80 characters."),
  preferredName: optionalText(80),
  dateOfBirth: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date of birth.")
    .refine((d) => !Number.isNaN(Date.parse(d)) && d >= "1900-01-01" && d <= new Date().toISOString().slice(0, 10), "Enter a real date of birth, not in the future."),
  preferredLanguage: z.string().trim().min(1, "Enter the preferred language.").max(60, "At most 60 characters."),
  interpreterNeeded: z.boolean().default(false),
  /** one precaution per line in the form */
  precautions: z
    .union([z.string(), z.array(z.string())])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : v.split("\n")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(200, "Each precaution at most 200 characters.")).max(20, "At most 20 precautions.")),
  primaryTherapistId: z
    .union([z.literal(""), z.string().uuid()])
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type PatientInput = z.input<typeof patientSchema>;

export const createPatientSchema = patientSchema.extend({ id: z.string().uuid().optional() });
export const updatePatientSchema = patientSchema.extend({ patientId: z.string().uuid(), version: z.coerce.number().int().positive() });
export type UpdatePatientInput = z.input<typeof updatePatientSchema>;
export const dischargePatientSchema = z.object({ patientId: z.string().uuid(), version: z.coerce.number().int().positive() });

export const patientSearchSchema = z.object({
  q: z.string().trim().max(80).default(""),
  status: z.enum(["active", "discharged", "all"]).default("active"),
  /** keyset cursor: the last row of the previous page */
  after: z.string().max(300).optional(),
});
