import { z } from "zod";
import { addDays } from "@/lib/time";

/**
 * The building blocks every schema in lib/<domain>/schemas.ts uses for text and dates, so the rules that
 * keep bad input from reaching PostgreSQL live in one place (lib/architecture.unit.test.ts enforces it):
 * - PostgreSQL text cannot hold U+0000: typed text refuses it with a message that says what to remove;
 *   search boxes strip it (and other control characters), since a pasted search should just work.
 * - "YYYY-MM-DD" must be a real calendar day in a range the clinic's date arithmetic handles, not only
 *   the pattern (2026-13-01 and 0000-00-00 match the pattern and break Date).
 * Shared with the browser (forms validate with the same schemas), so no server-only imports here.
 * Messages are catalog keys (validation.*), translated where they are shown: on the server by runAction
 * (lib/action-result.ts), in the browser by useIntlResolver (components/forms/use-intl-resolver.ts).
 */

export const NUL_MESSAGE = "validation.nul";

const hasNul = (s: string) => s.includes("\u0000");

/** Free text a person types: refuses NUL. Chain .trim(), .min(), .max() as with z.string(). */
export function text() {
  return z.string().refine((s) => !hasNul(s), NUL_MESSAGE);
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A search box's text: control characters removed, trimmed, cut to `max`. Never fails. */
export function searchText(max: number) {
  return z
    .string()
    .catch("")
    .transform((s) => s.replace(CONTROL, "").trim().slice(0, max));
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const FIRST_DAY = "1900-01-01";
export const LAST_DAY = "2999-12-31";

/** A real calendar day "YYYY-MM-DD" between 1900 and 2999 (leap years counted). */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (value < FIRST_DAY || value > LAST_DAY || mo < 1 || mo > 12 || d < 1) return false;
  // day 0 of the next month is the last day of this one (years ≥ 1900, so Date.UTC takes them as given)
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant with a zone ("2026-01-01T08:30:00Z", "…+02:00"; seconds optional) on a real day. */
export function isIsoInstant(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = INSTANT.exec(value);
  return !!m && isIsoDay(m[1]) && !Number.isNaN(Date.parse(value));
}

/** A date field: "YYYY-MM-DD" that is a real day. */
export function isoDay(message = "validation.realDate") {
  return z.string().refine(isIsoDay, message);
}

/** A query-string date: the day when it is real, otherwise undefined (the page uses its default). */
export function dayParam(value: string | string[] | undefined): string | undefined {
  const v = firstParam(value);
  return isIsoDay(v) ? v : undefined;
}

/**
 * A period [from, to] from query parameters: `to` a real day (else today), `from` a real day not after
 * `to` (else `days` days ending on `to`).
 */
export function periodParams(today: string, from: string | string[] | undefined, to: string | string[] | undefined, days: number): { from: string; to: string } {
  const end = dayParam(to) ?? today;
  const start = dayParam(from);
  return { from: start && start <= end ? start : addDays(end, 1 - days), to: end };
}

/** Next passes a repeated query parameter as an array; pages read the first. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Query parameters through a schema, one field at a time: a field that does not parse gets its
 * default (the schema's value for undefined) and is named in `invalid`, so one bad filter does not
 * discard the others and never reaches a query.
 */
export function readSearchParams<S extends Record<string, z.ZodType>>(shape: S, sp: SearchParams): { values: { [K in keyof S]: z.output<S[K]> }; invalid: (keyof S & string)[] } {
  const values = {} as { [K in keyof S]: z.output<S[K]> };
  const invalid: (keyof S & string)[] = [];
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const schema = shape[key]!;
    const raw = firstParam(Object.hasOwn(sp, key) ? sp[key] : undefined);
    const parsed = schema.safeParse(raw);
    if (parsed.success) values[key] = parsed.data as z.output<S[typeof key]>;
    else {
      invalid.push(key);
      const fallback = schema.safeParse(undefined);
      values[key] = (fallback.success ? fallback.data : undefined) as z.output<S[typeof key]>;
    }
  }
  return { values, invalid };
}
