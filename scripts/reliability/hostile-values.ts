/**
 * What the hostile-request check sends to pages: query parameter names (read from each page's source,
 * plus the names any page of the app reads), hostile values for them and for dynamic path segments.
 */
import fs from "node:fs";

/** Every query parameter some page or route of the app reads; each page gets all of them at once too. */
export const COMMON_PARAMS = ["q", "status", "after", "before", "from", "to", "week", "day", "view", "staff", "patient", "patientId", "userId", "action", "next", "reason"];

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

/** Hostile query values (already URL-encoded where the raw form matters). */
export const PARAM_VALUES: string[] = [
  "a%00b",
  "%00",
  "2026-13-01",
  "0000-00-00",
  "2026-02-30",
  "2025-02-29",
  "9999-12-31",
  "1899-12-31",
  "-001-01-01",
  "2026-1-1",
  encodeURIComponent(b64(["a", "b", "not-a-uuid"])),
  encodeURIComponent(b64(["a\u0000", "b", "00000000-0000-0000-0000-000000000000"])),
  encodeURIComponent(b64({ x: 1 })),
  "not-base64!!",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "__proto__",
  "constructor",
  "toString",
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent("<script>alert(1)</script>"),
  encodeURIComponent("\u202e\ud83d\udc69\u200d\u2695\ufe0f"),
  "%ED%A0%80", // a lone surrogate, UTF-8 encoded (invalid UTF-8)
  "%FF%FE",
  "x".repeat(8000),
  "-1",
  "1e309",
  "NaN",
  "",
  "%2F%2Fevil.example",
  "https%3A%2F%2Fevil.example",
];

/** Values for a dynamic segment ([id]); the path is otherwise real. */
export const SEGMENT_VALUES: string[] = [
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "3F1D2C4B-0000-4000-8000-00000000BEEF",
  "a%00b",
  "%00",
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e",
  "x".repeat(4000),
  "__proto__",
  "%ED%A0%80",
  encodeURIComponent("' OR 1=1 --"),
  "1",
  "-1",
];

/** Methods besides GET/HEAD/POST that Node parses (fetch() refuses to send TRACE, so all go through node:http): 405 expected. */
export const ODD_METHODS = ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "PURGE", "MKCOL"];
/** Methods Node's HTTP parser does not know: it answers 400 itself, before any app code. */
export const UNKNOWN_METHODS = ["TRACK", "FOO"];

/** Paths the app serves outside its routes. */
export const EXTRA_PATHS = [
  "/_next/image?url=%2Fetc%2Fpasswd&w=64&q=75",
  "/_next/image?url=%2Ffavicon.ico&w=64&q=75",
  "/_next/image?url=http%3A%2F%2F169.254.169.254%2Flatest&w=64&q=75",
  "/_next/image?url=&w=abc&q=999",
  "/favicon.ico",
  "/no-such-page",
  "/_next/static/no-such-chunk.js",
];

/** A real static chunk of the build, so odd methods are tried on static files too. */
export function staticChunk(dir = ".next/static/chunks"): string | null {
  if (!fs.existsSync(dir)) return null;
  const f = fs.readdirSync(dir).find((n) => n.endsWith(".js"));
  return f ? `/_next/static/chunks/${f}` : null;
}

/** Query parameter names a page or route handler reads, from its source (sp.x, searchParams.get("x"), destructuring, types). */
export function paramsReadBy(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const text = fs.readFileSync(file, "utf8");
  const names = new Set<string>();
  for (const m of text.matchAll(/\bsp\.(\w+)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/searchParams\.get\("(\w+)"\)/g)) names.add(m[1]!);
  for (const m of text.matchAll(/const\s*\{([^}]+)\}\s*=\s*await\s+searchParams/g)) for (const n of m[1]!.split(",")) names.add(n.trim().split(/[\s:]/)[0]!);
  for (const m of text.matchAll(/(?:type Search = |searchParams: Promise<)\{([^}]+)\}/g)) for (const n of m[1]!.matchAll(/(\w+)\??:/g)) names.add(n[1]!);
  return [...names].filter(Boolean);
}
