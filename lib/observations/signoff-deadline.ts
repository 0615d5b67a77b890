import { translatorFor } from "@/lib/i18n/translate";
import { clinicDate, clinicDayRange, clinicTime, dateFormat, formatClinicTime } from "@/lib/time";

/** When an entry submitted at `submittedAt` must be signed by (DESIGN rule 5): the clinic's number of
 * hours after submission, or (null) the end of the clinic day it was submitted on. */
export function signoffDeadline(submittedAt: Date, timeZone: string, deadlineHours: number | null): Date {
  if (deadlineHours !== null) return new Date(submittedAt.getTime() + deadlineHours * 3_600_000);
  return clinicDayRange(clinicDate(submittedAt, timeZone), timeZone).end;
}

export function isOverdue(submittedAt: Date, timeZone: string, deadlineHours: number | null, now = new Date()): boolean {
  return now.getTime() >= signoffDeadline(submittedAt, timeZone, deadlineHours).getTime();
}

/** "3 h 20 min", "2 d 4 h", "12 min" (in the locale's words) */
export function formatAge(from: Date, now = new Date(), locale = "en"): string {
  const t = translatorFor(locale);
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return t("time.ageMinutes", { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t("time.ageHours", { hours, minutes: minutes % 60 });
  return t("time.ageDays", { days: Math.floor(hours / 24), hours: hours % 24 });
}

/** "Due by end of today", "Due by end of Nov 28", "Due Nov 28, 2:30 PM": a midnight deadline reads as
 * the end of the day before it, which is how people think of it. */
export function formatDeadline(deadline: Date, timeZone: string, now = new Date(), locale = "en"): string {
  const t = translatorFor(locale);
  const midnight = clinicTime(deadline, timeZone) === "00:00";
  const shown = midnight ? new Date(deadline.getTime() - 1) : deadline;
  const today = clinicDate(shown, timeZone) === clinicDate(now, timeZone);
  const day = today ? "" : dateFormat(locale, { timeZone, month: "short", day: "numeric" }).format(shown);
  if (midnight) return today ? t("time.dueEndOfToday") : t("time.dueEndOf", { day });
  const time = formatClinicTime(deadline, timeZone, locale);
  return today ? t("time.dueTodayAt", { time }) : t("time.dueAt", { day, time });
}
