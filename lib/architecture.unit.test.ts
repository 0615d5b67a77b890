import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Architecture rules (DESIGN §2) checked on the source text, so a new verb, action or route that skips
 * authorization fails the build instead of waiting for a review to notice.
 */
const ROOT = path.resolve(import.meta.dirname, "..");

// Authentication itself writes before anyone is authorized (sign-in attempts, sessions); the audit
// helper is called by authorized code.
// The SMART token endpoint is the machine clients' sign-in: it authenticates a client by its signed
// assertion (lib/fhir/smart/issue-token.ts) before any permission applies.
// A shared tablet's PIN sign-in (its challenge and its answer) is a sign-in too.
const WRITE_ALLOWLIST = new Set(["lib/auth/sign-in.ts", "lib/auth/sign-in-pin.ts", "lib/auth/pin-challenge.ts", "lib/auth/sessions.ts", "lib/audit.ts", "lib/fhir/smart/issue-token.ts"]);
const ROUTE_ALLOWLIST = new Set(["app/api/auth/[...nextauth]/route.ts", "app/api/tablet/pin-challenge/route.ts", "app/fhir/R4/auth/token/route.ts"]);

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

type Source = { file: string; text: string };
const read = (dir: string): Source[] =>
  walk(path.join(ROOT, dir))
    .filter((f) => !/\.test\.tsx?$/.test(f))
    .map((f) => ({ file: path.relative(ROOT, f), text: fs.readFileSync(f, "utf8") }));

const WRITE = /\.(transaction|insert|update|delete)\(/;
const SERVER_DB = /from ["']@\/db\/|["']server-only["']/;

export function writeWithoutAuthorization(sources: Source[]): string[] {
  return sources
    .filter((s) => s.file.startsWith("lib/") && !s.file.startsWith("lib/testing/") && !WRITE_ALLOWLIST.has(s.file))
    // the server's database (the tablet's own IndexedDB store in lib/offline/ writes too, but is no verb)
    .filter((s) => SERVER_DB.test(s.text))
    .filter((s) => WRITE.test(s.text) && !/\bassertCan\(/.test(s.text))
    .map((s) => s.file);
}

export function actionsWithoutAuthentication(sources: Source[]): string[] {
  const bad: string[] = [];
  for (const s of sources.filter((x) => /^\s*["']use server["']/.test(x.text))) {
    const bodies = s.text.split(/\nexport async function /).slice(1);
    for (const body of bodies) {
      const name = body.slice(0, body.indexOf("("));
      if (!/\b(runAction|requireActor)\(/.test(body)) bad.push(`${s.file}#${name}`);
    }
  }
  return bad;
}

export function mutatingRoutesWithoutAuthentication(sources: Source[]): string[] {
  return sources
    .filter((s) => s.file.endsWith("route.ts") && !ROUTE_ALLOWLIST.has(s.file))
    .filter((s) => /export (async function|const) (POST|PUT|PATCH|DELETE)\b/.test(s.text))
    // fhirRoute (lib/fhir/respond.ts) authenticates a bearer token or the session before the handler runs
    .filter((s) => !/\b(runAction|requireActor|getActor|fhirRoute)\(/.test(s.text))
    .map((s) => s.file);
}

export function layeringViolations(sources: Source[]): string[] {
  return sources.flatMap((s) => {
    const imports = [...s.text.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1] ?? "");
    const bad = (prefixes: string[]) => imports.filter((i) => prefixes.some((p) => i.startsWith(p)));
    if (s.file.startsWith("db/")) return bad(["@/lib", "@/app", "@/components", "../lib", "../app"]).map((i) => `${s.file} → ${i}`);
    if (s.file.startsWith("lib/")) return bad(["@/app", "@/components"]).map((i) => `${s.file} → ${i}`);
    if (s.file.startsWith("components/")) return bad(["@/app"]).map((i) => `${s.file} → ${i}`);
    return [];
  });
}

/**
 * Text and dates in schemas come from lib/validation.ts (NUL refused, real calendar days), so a raw
 * z.string() or a bare date pattern in lib/ is a way round those rules.
 */
export function rawTextSchemas(sources: Source[]): string[] {
  return sources
    .filter((s) => s.file.startsWith("lib/") && s.file !== "lib/validation.ts")
    .flatMap((s) => [
      ...(/\bz\s*\.\s*string\(/.test(s.text) ? [`${s.file}: z.string() (use text(), searchText() or z.uuid() from lib/validation.ts)`] : []),
      ...(/\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(s.text) ? [`${s.file}: a YYYY-MM-DD pattern (use isoDay(), dayParam() or periodParams())`] : []),
    ]);
}

describe("architecture", () => {
  const sources = [...read("lib"), ...read("app"), ...read("db"), ...read("components")];

  it("reads the source tree", () => {
    expect(sources.length).toBeGreaterThan(20);
  });
  it("every verb that writes authorizes with assertCan", () => {
    expect(writeWithoutAuthorization(sources)).toEqual([]);
  });
  it("every server action authenticates (runAction / requireActor)", () => {
    expect(actionsWithoutAuthentication(sources)).toEqual([]);
  });
  it("every mutating route handler authenticates", () => {
    expect(mutatingRoutesWithoutAuthentication(sources)).toEqual([]);
  });
  it("layers point one way: app → components → lib → db", () => {
    expect(layeringViolations(sources)).toEqual([]);
  });

  it("no action revalidates the root layout: that regenerates the tablet's static shells, whose CSP hashes come from the build", () => {
    expect(sources.filter((s) => /revalidatePath\(\s*["']\/["']/.test(s.text)).map((s) => s.file)).toEqual([]);
  });

  // A save renders the page once (issue 15, lib/after-save.ts): the action's response carries it, so a
  // form does not router.refresh() on top. Left: the idle lock (its sign-in is no server action), the room
  // checklist (its actions do not refresh: it re-renders itself once, README "How it is built") and the
  // offline tablet screens (no actions).
  it("a save re-renders once: actions refresh through lib/after-save.ts, forms do not router.refresh() after them", () => {
    expect(sources.filter((s) => s.file.startsWith("app/") && /\brevalidatePath\(/.test(s.text)).map((s) => s.file)).toEqual([]);
    const refreshes = sources.filter((s) => s.file.startsWith("components/") && !s.file.startsWith("components/tablet/") && /router\.refresh\(/.test(s.text));
    expect(refreshes.map((s) => s.file).sort()).toEqual(["components/rooms/prep-checklist.tsx", "components/shell/idle-lock.tsx"]);
  });

  it("text and date schemas use lib/validation.ts (NUL refused, real days)", () => {
    expect(rawTextSchemas(sources)).toEqual([]);
  });

  it("the checks catch what they are meant to catch", () => {
    const verb = { file: "lib/x/delete-thing.ts", text: 'import { getDb } from "@/db/client";\nexport async function f(){ await db.delete(t) }' };
    const action = { file: "app/x/actions.ts", text: '"use server";\nexport async function doIt(i) {\n  return thing(i);\n}' };
    const route = { file: "app/api/x/route.ts", text: "export async function POST(req) { return db.insert(t) }" };
    const layer = { file: "db/x.ts", text: 'import { a } from "@/lib/auth/permissions";' };
    expect(writeWithoutAuthorization([verb])).toEqual(["lib/x/delete-thing.ts"]);
    expect(actionsWithoutAuthentication([action])).toEqual(["app/x/actions.ts#doIt"]);
    expect(mutatingRoutesWithoutAuthentication([route])).toEqual(["app/api/x/route.ts"]);
    expect(layeringViolations([layer])).toHaveLength(1);
    expect(rawTextSchemas([{ file: "lib/x/schemas.ts", text: 'const a = z.string().max(3); const d = /^\\d{4}-\\d{2}-\\d{2}$/;' }])).toHaveLength(2);
  });
});
