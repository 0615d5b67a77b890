import { AppError } from "@/lib/errors";
import { zonedToUtc } from "@/lib/time";
import { isIsoInstant } from "@/lib/validation";
import { decodeCursor, type Cursor } from "./cursor";

export type SearchParams = { patientId?: string; from: Date | null; to: Date | null; count: number; after: Cursor | null; since: Date | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const bad = (msg: string) => new AppError("VALIDATION", msg);
const IGNORED = new Set(["_format", "_pretty"]);

/** [start, end) of a FHIR date or dateTime value; dates (YYYY, YYYY-MM, YYYY-MM-DD) are clinic-local. */
export function dateRange(value: string, timeZone: string): { start: Date; end: Date } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) : null;
    const d = m[3] ? Number(m[3]) : null;
    if ((mo !== null && (mo < 1 || mo > 12)) || (d !== null && (d < 1 || d > 31))) throw bad(`"${value}" is not a date.`);
    const iso = (yy: number, mm: number, dd: number) => `${String(yy).padStart(4, "0")}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
    const first = iso(y, mo ?? 1, d ?? 1);
    const next = d !== null ? new Date(Date.UTC(y, mo! - 1, d + 1)) : mo !== null ? new Date(Date.UTC(y, mo, 1)) : new Date(Date.UTC(y + 1, 0, 1));
    if (d !== null && new Date(Date.UTC(y, mo! - 1, d)).getUTCDate() !== d) throw bad(`"${value}" is not a date.`);
    return { start: zonedToUtc(first, "00:00", timeZone), end: zonedToUtc(next.toISOString().slice(0, 10), "00:00", timeZone) };
  }
  const at = isIsoInstant(value) ? new Date(value) : null;
  if (!at) throw bad(`"${value}" is not a FHIR date or dateTime (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+zz:zz).`);
  return { start: at, end: new Date(at.getTime() + 1000) };
}

/** `patient` as "id" or "Patient/id". */
export function patientParam(v: string): string {
  const id = v.startsWith("Patient/") ? v.slice(8) : v;
  if (!UUID.test(id)) throw bad(`patient must be a Patient id (or Patient/id); "${v.slice(0, 60)}" is not one.`);
  return id;
}

/**
 * Parse a search's query string strictly: an unknown parameter, a malformed date, count or cursor is a
 * 400 (OperationOutcome), never silently ignored.
 */
export function parseSearch(params: URLSearchParams, allowed: readonly string[], timeZone: string): SearchParams {
  const out: SearchParams = { from: null, to: null, count: 50, after: null, since: null };
  for (const [key, value] of params) {
    if (IGNORED.has(key)) continue;
    if (!allowed.includes(key)) throw bad(`Unknown search parameter "${key.slice(0, 40)}". Supported here: ${allowed.join(", ")}.`);
    if (key === "patient") {
      if (out.patientId) throw bad("patient may be given once.");
      out.patientId = patientParam(value);
    } else if (key === "date") {
      const m = /^(eq|ge|gt|le|lt)?(.+)$/.exec(value);
      if (!m) throw bad("date needs a value.");
      const r = dateRange(m[2]!, timeZone);
      const prefix = m[1] ?? "eq";
      const from = prefix === "eq" || prefix === "ge" ? r.start : prefix === "gt" ? r.end : null;
      const to = prefix === "eq" || prefix === "le" ? r.end : prefix === "lt" ? r.start : null;
      if (from && (!out.from || from > out.from)) out.from = from;
      if (to && (!out.to || to < out.to)) out.to = to;
    } else if (key === "_count") {
      if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > 200) throw bad("_count must be a whole number from 1 to 200.");
      out.count = Number(value);
    } else if (key === "_cursor") {
      const c = decodeCursor(value);
      if (c === undefined) throw bad("_cursor is not one this server made: follow the Bundle's next link.");
      out.after = c;
    } else if (key === "_since") {
      out.since = sinceParam(value);
    }
  }
  return out;
}

/** `_since`: an instant with a time zone. */
export function sinceParam(value: string): Date {
  if (!isIsoInstant(value))
    throw bad("_since must be a FHIR instant, e.g. 2026-01-01T00:00:00Z.");
  return new Date(value);
}
