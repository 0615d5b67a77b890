/**
 * Clinic time. Instants are stored in UTC; each clinic has an IANA zone that decides what "today", a
 * day's schedule and a week are (DESIGN §2, Time). These helpers are pure and DST-correct.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared Intl.DateTimeFormat per (locale, options). Building one costs far more than formatting with it
 * (the profile of the Today page showed 6 % of its server CPU in these constructors), and a clinic's
 * pages format hundreds of times with a handful of option sets. Formatters are immutable, so sharing is safe.
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    if (formatters.size > 500) formatters.clear(); // bounded: option sets are few, zones are per clinic
    formatters.set(key, f);
  }
  return f;
}

/** "YYYY-MM-DD" of an instant in the zone. */
export function clinicDate(at: Date, timeZone: string): string {
  return dateFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

export function clinicToday(timeZone: string, now = new Date()): string {
  return clinicDate(now, timeZone);
}

/** "HH:MM" (24 h) of an instant in the zone. */
export function clinicTime(at: Date, timeZone: string): string {
  return dateFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
}

/** Offset of the zone from UTC at an instant, in minutes (e.g. -480 for PST). */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = dateFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/**
 * The instant at which the clinic's wall clock shows `day` `time` ("YYYY-MM-DD", "HH:MM"). In the hour
 * skipped when clocks go forward, the time is moved forward by the gap; in the repeated hour when they
 * go back, the first (daylight) occurrence is taken.
 */
export function zonedToUtc(day: string, time: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  // The offsets a day either side bracket any transition; each gives a candidate instant that is valid
  // when the zone really has that offset then.
  const before = offsetMinutes(new Date(wall - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(wall + 86_400_000), timeZone);
  const valid = [before, after]
    .map((o) => wall - o * 60_000)
    .filter((t, i) => offsetMinutes(new Date(t), timeZone) === [before, after][i]);
  if (valid.length) return new Date(Math.min(...valid));
  return new Date(wall - before * 60_000); // in a gap: the same distance past the change
}

/** [start, end) of a clinic-local day as UTC instants (23 or 25 hours long on DST days). */
export function clinicDayRange(day: string, timeZone: string): { start: Date; end: Date } {
  return { start: zonedToUtc(day, "00:00", timeZone), end: zonedToUtc(addDays(day, 1), "00:00", timeZone) };
}

/** Calendar arithmetic on "YYYY-MM-DD" strings (no zone involved). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const w = new Date(`${day}T12:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Monday of the week containing `day`. */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/*
 * The formatters every page uses: per locale (the reader's), always in the clinic's zone. No page formats a
 * date, time or number on its own. `locale` defaults to English for callers not yet translated.
 */
type L = string;

/** "Tuesday, December 1, 2026" / "martes, 1 de diciembre de 2026" */
export function formatClinicDate(at: Date, timeZone: string, locale: L = "en"): string {
  return dateFormat(locale, { timeZone, weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(at);
}

/** "8:00 AM" / "8:00" (each locale's own clock) */
export function formatClinicTime(at: Date, timeZone: string, locale: L = "en"): string {
  return dateFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(at);
}

/** "8:00 – 8:45 AM" / "8:00–8:45" */
export function formatClinicTimeRange(start: Date, end: Date, timeZone: string, locale: L = "en"): string {
  return dateFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).formatRange(start, end);
}

/** "Dec 1, 3:00 PM" / "1 dic, 15:00" */
export function formatClinicDateTime(at: Date, timeZone: string, locale: L = "en"): string {
  return dateFormat(locale, { timeZone, month: "short", day: "numeric", hour: "numeric", minute: "2-digit" }).format(at);
}

/** To the second, with the year: the audit log, where order and exact time matter. */
export function formatClinicTimestamp(at: Date, timeZone: string, locale: L = "en"): string {
  return dateFormat(locale, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
  }).format(at);
}

export type DayStyle = "long" | "medium" | "short" | "weekday";
const DAY_STYLES: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  long: { weekday: "long", month: "long", day: "numeric", year: "numeric" },
  medium: { month: "short", day: "numeric", year: "numeric" },
  short: { weekday: "short", month: "short", day: "numeric" },
  weekday: { weekday: "long", month: "short", day: "numeric" },
};

/** A calendar day ("YYYY-MM-DD", already the clinic's) in words: no zone shift can move it. */
export function formatDay(day: string, locale: L = "en", style: DayStyle = "medium"): string {
  return dateFormat(locale, { timeZone: "UTC", ...DAY_STYLES[style] }).format(new Date(`${day}T12:00:00Z`));
}

/** An ISO weekday (1 = Monday … 7 = Sunday) by name: "Mon" / "lun" (short), "Monday" / "lunes" (long). */
export function formatWeekday(isoDay: number, locale: L = "en", style: "short" | "long" = "short"): string {
  // 2024-01-01 was a Monday
  return dateFormat(locale, { timeZone: "UTC", weekday: style }).format(new Date(Date.UTC(2024, 0, isoDay, 12)));
}

/** "Dec 1 – 7, 2026" / "1–7 dic 2026" */
export function formatDayRange(from: string, to: string, locale: L = "en"): string {
  return dateFormat(locale, { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" }).formatRange(
    new Date(`${from}T12:00:00Z`),
    new Date(`${to}T12:00:00Z`),
  );
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Numbers per locale ("1,234.5" / "1234,5"), shared formatters as for dates. */
export function formatNumber(n: number, locale: L = "en", options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 }): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    if (numberFormats.size > 200) numberFormats.clear();
    numberFormats.set(key, f);
  }
  return f.format(n);
}

/** A ratio 0..1 as a whole percentage: "83%" / "83 %". */
export function formatPercent(ratio: number, locale: L = "en"): string {
  return formatNumber(ratio, locale, { style: "percent", maximumFractionDigits: 0 });
}
