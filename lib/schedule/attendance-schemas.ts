import { z } from "zod";
import { text } from "@/lib/validation";
import { ATTENDANCE_VALUES } from "./attendance";

export { ATTENDANCE_LABEL, ATTENDANCE_VALUES, type AttendanceValue } from "./attendance";

const hhmm = text()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter the arrival time as HH:MM, e.g. 08:20.");

/** One tap on Today. `arrivalTime` (clinic wall clock) only matters for "late"; empty = now. */
export const recordAttendanceSchema = z.object({
  appointmentId: z.uuid("Unknown appointment."),
  attendance: z.enum(ATTENDANCE_VALUES, "Choose present, late, no-show or cancelled."),
  arrivalTime: z.union([z.literal(""), hhmm]).optional(),
  version: z.coerce.number().int().positive(),
});
export type RecordAttendanceInput = z.input<typeof recordAttendanceSchema>;

export const undoAttendanceSchema = z.object({
  appointmentId: z.uuid("Unknown appointment."),
  version: z.coerce.number().int().positive(),
});
export type UndoAttendanceInput = z.input<typeof undoAttendanceSchema>;

export type { AttendanceResult } from "./attendance";
