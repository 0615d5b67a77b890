import { z } from "zod";
import { isoDay, text } from "@/lib/validation";

const uuid = (what: string) => z.uuid(`Choose ${what}.`);
const optionalUuid = z
  .union([z.literal(""), z.uuid("Choose an assistant or none.")])
  .nullish()
  .transform((v) => (v ? v : null));
const day = isoDay("Enter a real date.");
const time = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as HH:MM.");
const duration = z.coerce
  .number({ error: "Enter the length in minutes." })
  .int("Whole minutes only.")
  .min(10, "At least 10 minutes.")
  .max(480, "At most 8 hours.");

export const MAX_SERIES_OCCURRENCES = 104;

/** Who, where and for how long: shared by single bookings and series. */
const booking = {
  patientId: uuid("a patient"),
  therapistId: uuid("a therapist"),
  assistantId: optionalUuid,
  roomId: uuid("a room"),
  startTime: time,
  durationMinutes: duration,
};

export const appointmentSchema = z.object({
  /** client-generated, so a double-tapped submit books once */
  id: z.uuid().optional(),
  ...booking,
  date: day,
});
export type AppointmentInput = z.input<typeof appointmentSchema>;

export const seriesSchema = z
  .object({
    id: z.uuid().optional(),
    ...booking,
    startsOn: day,
    weekdays: z.array(z.coerce.number().int().min(1).max(7)).min(1, "Choose at least one day of the week."),
    endMode: z.enum(["until", "count"]),
    untilOn: z.union([z.literal(""), day]).optional(),
    occurrences: z.union([z.literal(""), z.coerce.number().int().min(1, "At least 1.").max(MAX_SERIES_OCCURRENCES, `At most ${MAX_SERIES_OCCURRENCES}.`)]).optional(),
    /** book the dates that are free and leave out the conflicting ones */
    skipConflicts: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.endMode === "until") {
      if (!v.untilOn) ctx.addIssue({ code: "custom", path: ["untilOn"], message: "Enter the last date." });
      else if (v.untilOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["untilOn"], message: "The last date is before the first." });
    } else if (v.occurrences === "" || v.occurrences === undefined) {
      ctx.addIssue({ code: "custom", path: ["occurrences"], message: "Enter how many appointments." });
    }
  });
export type SeriesInput = z.input<typeof seriesSchema>;

export const scopeSchema = z.enum(["one", "following"]);

/** Edit or move one appointment, or this and the following ones of its series. */
export const updateAppointmentSchema = z.object({
  appointmentId: z.uuid(),
  version: z.coerce.number().int().positive(),
  scope: scopeSchema.default("one"),
  therapistId: uuid("a therapist"),
  assistantId: optionalUuid,
  roomId: uuid("a room"),
  date: day,
  startTime: time,
  durationMinutes: duration,
});
export type UpdateAppointmentInput = z.input<typeof updateAppointmentSchema>;

export const moveAppointmentSchema = z.object({
  appointmentId: z.uuid(),
  version: z.coerce.number().int().positive(),
  date: day,
  startTime: time,
  roomId: z.union([z.literal(""), z.uuid()]).optional(),
});
export type MoveAppointmentInput = z.input<typeof moveAppointmentSchema>;

export const cancelAppointmentSchema = z.object({
  appointmentId: z.uuid(),
  version: z.coerce.number().int().positive(),
  scope: scopeSchema.default("one"),
  reason: text().trim().min(1, "Say why (e.g. patient called, therapist away).").max(200, "At most 200 characters."),
});
export type CancelAppointmentInput = z.input<typeof cancelAppointmentSchema>;
