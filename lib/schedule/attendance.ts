/**
 * Attendance values and their labels, with no validation library attached: client components on Today
 * import these, and importing the zod schemas there would add zod (~32 kB gzip) to the page's first load.
 */
export const ATTENDANCE_LABEL = {
  present: "Present",
  late: "Late",
  no_show: "No-show",
  cancelled: "Cancelled",
} as const;
export type AttendanceValue = keyof typeof ATTENDANCE_LABEL;
export const ATTENDANCE_VALUES = Object.keys(ATTENDANCE_LABEL) as [AttendanceValue, ...AttendanceValue[]];

export type AttendanceResult = {
  appointmentId: string;
  attendance: AttendanceValue | null;
  arrivedAt: string | null;
  recordedAt: string | null;
  version: number;
};
