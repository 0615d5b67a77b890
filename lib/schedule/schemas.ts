import { z } from "zod";
import { encodeMessage } from "@/lib/i18n/message-ref";
import { isoDay, text } from "@/lib/validation";

// messages are catalog keys (validation.*), translated where they are shown
const uuid = (key: string) => z.uuid(key);
const optionalUuid = z
  .union([z.literal(""), z.uuid("validation.schedule.assistantOrNone")])
  .nullish()
  .transform((v) => (v ? v : null));
const day = isoDay();
const time = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.schedule.time");
const duration = z.coerce
  .number({ error: "validation.schedule.duration" })
  .int("validation.clinic.wholeMinutes")
  .min(10, "validation.schedule.minDuration")
  .max(480, "validation.schedule.maxDuration");

export const MAX_SERIES_OCCURRENCES = 104;

/** Who, where and for how long: shared by single bookings and series. */
const booking = {
  patientId: uuid("validation.users.patient"),
  therapistId: uuid("validation.users.therapist"),
  assistantId: optionalUuid,
  roomId: uuid("validation.schedule.room"),
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
    weekdays: z.array(z.coerce.number().int().min(1).max(7)).min(1, "validation.schedule.weekdays"),
    endMode: z.enum(["until", "count"]),
    untilOn: z.union([z.literal(""), day]).optional(),
    occurrences: z.union([z.literal(""), z.coerce.number().int().min(1, encodeMessage("validation.tooSmall", { minimum: 1 })).max(MAX_SERIES_OCCURRENCES, encodeMessage("validation.tooBig", { maximum: MAX_SERIES_OCCURRENCES }))]).optional(),
    /** book the dates that are free and leave out the conflicting ones */
    skipConflicts: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.endMode === "until") {
      if (!v.untilOn) ctx.addIssue({ code: "custom", path: ["untilOn"], message: "validation.schedule.lastDate" });
      else if (v.untilOn < v.startsOn) ctx.addIssue({ code: "custom", path: ["untilOn"], message: "validation.schedule.lastBeforeFirst" });
    } else if (v.occurrences === "" || v.occurrences === undefined) {
      ctx.addIssue({ code: "custom", path: ["occurrences"], message: "validation.schedule.howMany" });
    }
  });
export type SeriesInput = z.input<typeof seriesSchema>;

export const scopeSchema = z.enum(["one", "following"]);

/** Edit or move one appointment, or this and the following ones of its series. */
export const updateAppointmentSchema = z.object({
  appointmentId: z.uuid(),
  version: z.coerce.number().int().positive(),
  scope: scopeSchema.default("one"),
  therapistId: uuid("validation.users.therapist"),
  assistantId: optionalUuid,
  roomId: uuid("validation.schedule.room"),
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
  reason: text().trim().min(1, "validation.schedule.cancelReason").max(200, encodeMessage("validation.tooLong", { maximum: 200 })),
});
export type CancelAppointmentInput = z.input<typeof cancelAppointmentSchema>;
