import { z } from "zod";
import { MAX_PIN_ENROLMENT_DAYS } from "@/lib/auth/pin-rules";
import { text } from "@/lib/validation";

// Messages are catalog keys (messages/*.json), translated where they are shown.

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}

export const clinicSettingsSchema = z.object({
  timeZone: text().trim().min(1, "validation.clinic.timeZone").refine(isTimeZone, "validation.clinic.timeZoneValid"),
  /** empty = end of the same clinic day */
  signoffDeadlineHours: z
    .union([z.literal(""), z.coerce.number().int("validation.clinic.wholeHours").min(1, "validation.clinic.minHours").max(168, "validation.clinic.maxHours")])
    .transform((v) => (v === "" ? null : v)),
  idleTimeoutMinutes: z.coerce
    .number({ error: "validation.clinic.minutes" })
    .int("validation.clinic.wholeMinutes")
    .min(1, "validation.clinic.minMinutes")
    .max(15, "validation.clinic.maxMinutes"),
  /** (absent: unchanged) how long a shared tablet's PIN sign-in lasts after the full sign-in that enrolled it (README "Shared tablets") */
  pinEnrolmentDays: z.coerce
    .number({ error: "validation.clinic.days" })
    .int("validation.clinic.wholeDays")
    .min(1, "validation.clinic.minDays")
    .max(MAX_PIN_ENROLMENT_DAYS, "validation.clinic.maxDays")
    .optional(),
  version: z.coerce.number().int().positive(),
});
export type ClinicSettingsInput = z.input<typeof clinicSettingsSchema>;
