import { addDays, isoWeekday, zonedToUtc } from "@/lib/time";
import { MAX_SERIES_OCCURRENCES } from "./schemas";

export type Occurrence = { date: string; startsAt: Date; endsAt: Date };

/**
 * The dates of a weekly series, each at the same local wall-clock time in the clinic's zone, so a
 * series across a daylight-saving change keeps its local time (the UTC instant moves instead).
 */
export function weeklyOccurrences(opts: {
  startsOn: string;
  weekdays: number[];
  startTime: string;
  durationMinutes: number;
  timeZone: string;
  untilOn?: string | null;
  count?: number | null;
}): Occurrence[] {
  const days = new Set(opts.weekdays);
  const limit = Math.min(opts.count ?? MAX_SERIES_OCCURRENCES, MAX_SERIES_OCCURRENCES);
  const out: Occurrence[] = [];
  // at most two years of calendar days, whatever the input says
  for (let i = 0, d = opts.startsOn; i < 731 && out.length < limit; i++, d = addDays(d, 1)) {
    if (opts.untilOn && d > opts.untilOn) break;
    if (!days.has(isoWeekday(d))) continue;
    const startsAt = zonedToUtc(d, opts.startTime, opts.timeZone);
    out.push({ date: d, startsAt, endsAt: new Date(startsAt.getTime() + opts.durationMinutes * 60_000) });
  }
  return out;
}
