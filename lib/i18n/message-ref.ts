/**
 * Messages that cross from the server (or a zod schema) to the screen as catalog keys, translated at the
 * edge in the reader's language (DESIGN §8). A key with arguments travels as one string,
 * `validation.tooShort|{"minimum":8}`, so it fits wherever a message string goes (zod issues, field errors).
 * Client-safe.
 */
export type MessageValues = Record<string, string | number>;
export type MessageRef = { key: string; values?: MessageValues };

const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;

export function encodeMessage(key: string, values?: MessageValues): string {
  return values && Object.keys(values).length ? `${key}|${JSON.stringify(values)}` : key;
}

/** The key and arguments of an encoded message; null for plain text. */
export function decodeMessage(text: string): MessageRef | null {
  const bar = text.indexOf("|");
  const key = bar === -1 ? text : text.slice(0, bar);
  if (!KEY.test(key)) return null;
  if (bar === -1) return { key };
  try {
    const values: unknown = JSON.parse(text.slice(bar + 1));
    if (!values || typeof values !== "object" || Array.isArray(values)) return null;
    const clean: MessageValues = {};
    for (const [k, v] of Object.entries(values)) if (typeof v === "string" || typeof v === "number") clean[k] = v;
    return { key, values: clean };
  } catch {
    return null;
  }
}

export type Translate = { (key: string, values?: MessageValues): string; has(key: string): boolean };

/** An encoded message in the reader's language; text that is not a known key is returned as it is. */
export function localizeText(t: Translate, text: string): string {
  const ref = decodeMessage(text);
  return ref && t.has(ref.key) ? t(ref.key, ref.values) : text;
}

export function localizeFieldErrors(t: Translate, fieldErrors: Record<string, string[]> | undefined): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(Object.entries(fieldErrors).map(([k, list]) => [k, list.map((m) => localizeText(t, m))]));
}
