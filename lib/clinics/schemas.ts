import { z } from "zod";
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
  version: z.coerce.number().int().positive(),
});
export type ClinicSettingsInput = z.input<typeof clinicSettingsSchema>;
