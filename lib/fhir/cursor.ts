/** Opaque keyset cursors for FHIR paging: the last row's sort key, base64url JSON. */
export type Cursor = { t: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.t, c.id])).toString("base64url");
}

/** null when absent; undefined when malformed (the caller answers 400). */
export function decodeCursor(raw: string | null | undefined): Cursor | null | undefined {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "string" && typeof v[1] === "string" && /^[0-9a-f-]{36}$/i.test(v[1])) return { t: v[0], id: v[1] };
  } catch {
    /* fall through */
  }
  return undefined;
}

/** A page of domain rows and the cursor after its last row (null on the last page). */
export type Page<T> = { rows: T[]; next: Cursor | null };

/** Which rows of the caller's clinic a chart query reads: all, one patient, a therapist's panel; since when. */
export type ChartFilter = {
  /** one row by its id (reads) */
  id?: string;
  patientId?: string;
  /** Group/{id}: patients whose primary therapist is this practitioner */
  panelOf?: string;
  since?: Date | null;
  from?: Date | null;
  to?: Date | null;
  after?: Cursor | null;
  limit: number;
};

/** Paging must move forward: a cursor equal to the one it started from would loop for ever. */
export function sameCursor(a: Cursor | null | undefined, b: Cursor | null | undefined): boolean {
  return !!a && !!b && a.t === b.t && a.id === b.id;
}

export function pageOf<T>(rows: T[], limit: number, key: (r: T) => Cursor): Page<T> {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > limit && last ? key(last) : null };
}
