import { z } from "zod";
import { text } from "@/lib/validation";

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}

export const clinicSettingsSchema = z.object({
  timeZone: text().trim().min(1, "Choose a time zone.").refine(isTimeZone, "Choose a valid IANA time zone, e.g. America/Los_Angeles."),
  /** empty = end of the same clinic day */
  signoffDeadlineHours: z
    .union([z.literal(""), z.coerce.number().int("Whole hours only.").min(1, "At least 1 hour.").max(168, "At most 168 hours (7 days).")])
    .transform((v) => (v === "" ? null : v)),
  idleTimeoutMinutes: z.coerce
    .number({ error: "Enter a number of minutes." })
    .int("Whole minutes only.")
    .min(1, "At least 1 minute.")
    .max(15, "At most 15 minutes (HIPAA workstation policy)."),
  version: z.coerce.number().int().positive(),
});
export type ClinicSettingsInput = z.input<typeof clinicSettingsSchema>;
