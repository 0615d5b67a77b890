/**
 * The authorization matrix: for every page, route handler and server action of the build, who may
 * reach it and over whose records. Mirrors lib/auth/permissions.ts; a route or action missing here
 * fails the suite.
 */
import fs from "node:fs";
import path from "node:path";
import { PERMISSIONS, type Permission } from "../../lib/auth/permissions";
import { FHIR_ROUTE_SPECS } from "./fhir-matrix";
import { demoId, SAMPLE_IDS } from "./samples";

export type Who = "anonymous" | "assistant" | "therapist" | "admin";
export type Ownership = "own" | "same-clinic-outside-caseload" | "other-clinic" | "none";
export type Outcome = "allow" | "login" | "forbidden" | "not-found";

/** Strings that only the allowed would see; a denied response containing one is a leak. */
export const SENTINELS: Record<string, string> = {
  "patient:own": "SR-1001",
  "patient:same-clinic-outside-caseload": "SR-1004",
  "patient:other-clinic": "HR-2001",
  "staff-email": "sam.aide@sunrise.example",
  "clinic-settings": "Lock screens after",
  caseload: "Testwell",
  "appointment:same-clinic-outside-caseload": "Fakenham",
  "appointment:other-clinic": "Mockett",
  "room:other-clinic": "Harbor Gym",
  "supply-name": "Gait belts",
};

export type RouteSpec = {
  method?: "GET" | "POST";
  record?: Kind;
  /** statuses that count as "allowed" (default 200); "/" answers everyone with a redirect */
  allowStatus?: number[];
  path: (own: Ownership) => string;
  expect: (who: Who, own: Ownership) => Outcome;
  sentinel?: (own: Ownership) => string;
};

const page = (roles: Who[]) => (who: Who): Outcome => (who === "anonymous" ? "login" : roles.includes(who) ? "allow" : "forbidden");
const pub = (): Outcome => "allow";
/** The tablet's static shells (issue 11): the same data-free HTML for every signed-in user; the data
 * comes from /api/working-set, which authorizes and scopes it. Sentinels still prove nothing leaks. */
const shell = (who: Who): Outcome => (who === "anonymous" ? "login" : "allow");

/** Caseload-scoped patient record: other clinic → 404 for all; outside caseload → 404 for assistants. */
const patientRecord = (roles: Who[]) => (who: Who, own: Ownership): Outcome => {
  if (who === "anonymous") return "login";
  if (!roles.includes(who)) return "forbidden";
  if (own === "other-clinic") return "not-found";
  if (own === "same-clinic-outside-caseload" && who === "assistant") return "not-found";
  return "allow";
};

type Kind = "patient" | "appointment" | "room" | "checklist" | "equipment" | "supply" | "report" | "user" | "goal";
const idOf = (kind: Kind, own: Ownership) => SAMPLE_IDS[kind]![own === "none" ? "own" : own];
const patientPath = (suffix = "") => (own: Ownership) => `/patients/${idOf("patient", own)}${suffix}`;

/** A clinic-scoped record (rooms, templates, supplies): another clinic's is not found. */
const clinicRecord = (roles: Who[]) => (who: Who, own: Ownership): Outcome => {
  if (who === "anonymous") return "login";
  if (!roles.includes(who)) return "forbidden";
  return own === "other-clinic" ? "not-found" : "allow";
};
export const ROUTE_SPECS: Record<string, RouteSpec> = {
  "/": { path: () => "/", expect: (who) => (who === "anonymous" ? "login" : "allow"), allowStatus: [307] },
  "/login": { path: () => "/login", expect: pub, allowStatus: [200, 307] },
  "/api/health": { path: () => "/api/health", expect: pub },
  "/api/auth/[...nextauth]": { path: () => "/api/auth/session", expect: pub },
  "/api/session/activity": { method: "POST", path: () => "/api/session/activity", expect: (who) => (who === "anonymous" ? "login" : "allow") },
  // the outbox takes a JSON batch: the matrix's empty POST is a 400 for the assistant (authenticated and
  // authorized, then refused as malformed), 401 anonymous, 403 other roles (lib/offline/http.ts)
  "/api/outbox": { method: "POST", path: () => "/api/outbox", expect: page(["assistant"]), allowStatus: [400] },
  // shared tablets (issue 14): enrolling takes a JSON body, so the matrix's empty POST is a 400 for the
  // assistant (authenticated and authorized, then refused as malformed), 401 anonymous, 403 other roles;
  // the PIN challenge is part of signing in (no session): the empty POST is a 400 for everyone
  "/api/tablet/enrolments": { method: "POST", path: () => "/api/tablet/enrolments", expect: page(["assistant"]), allowStatus: [400] },
  "/api/tablet/pin-challenge": { method: "POST", path: () => "/api/tablet/pin-challenge", expect: pub, allowStatus: [400] },
  "/today": { path: () => "/today", expect: shell, sentinel: () => "caseload" },
  // the offline page and the service worker script: static, no data (signed-in users get them, anyone else the sign-in)
  "/~offline": { path: () => "/~offline", expect: shell },
  "/serwist/[path]": { path: () => "/serwist/sw.js", expect: shell },
  "/review": { path: () => "/review", expect: page(["therapist"]) },
  "/admin": { path: () => "/admin", expect: page(["admin"]), sentinel: () => "staff-email" },
  // its labels ("Lock screens after") reach the client only with the settings page itself (the page passes the
  // `settings` namespace after its permission check: lib/i18n/client-messages.ts), so they prove it was served
  "/admin/settings": { path: () => "/admin/settings", expect: page(["admin"]), sentinel: () => "clinic-settings" },
  "/patients": { path: () => "/patients", expect: page(["assistant", "therapist", "admin"]) },
  "/patients/[id]": { record: "patient", path: patientPath(), expect: patientRecord(["assistant", "therapist", "admin"]), sentinel: (own) => `patient:${own}` },
  "/sessions/[id]": { record: "appointment", path: (own) => `/sessions/${idOf("appointment", own)}`, expect: shell, sentinel: (own) => `appointment:${own}` },
  // the assistant's room prep, supplies use and progress report: static shells too (the writes go through /api/outbox)
  "/prep": { path: () => "/prep", expect: shell, sentinel: () => "supply-name" },
  "/prep/[id]": { record: "room", path: (own) => `/prep/${idOf("room", own)}`, expect: shell, sentinel: (own) => `room:${own}` },
  "/supplies/use": { path: () => "/supplies/use", expect: shell, sentinel: () => "supply-name" },
  "/reports/write": { path: () => "/reports/write", expect: shell, sentinel: () => "caseload" },
  // only assistants write reports: the old address sends them to the tablet's screen
  "/reports/new": { path: () => "/reports/new", expect: page(["assistant"]), allowStatus: [307] },
  "/rooms": { path: () => "/rooms", expect: page(["assistant", "therapist", "admin"]) },
  "/rooms/[id]": { record: "room", path: (own) => `/rooms/${idOf("room", own)}`, expect: clinicRecord(["assistant", "therapist", "admin"]), sentinel: (own) => `room:${own}` },
  "/rooms/checklists": { path: () => "/rooms/checklists", expect: page(["therapist", "admin"]) },
  "/rooms/checklists/new": { path: () => "/rooms/checklists/new", expect: page(["therapist", "admin"]) },
  "/rooms/checklists/[id]": { record: "checklist", path: (own) => `/rooms/checklists/${idOf("checklist", own)}`, expect: clinicRecord(["therapist", "admin"]) },
  "/supplies": { path: () => "/supplies", expect: page(["assistant", "therapist", "admin"]) },
  "/api/export/supplies": { path: () => "/api/export/supplies", expect: (who) => (who === "anonymous" ? "login" : who === "admin" ? "allow" : "forbidden"), sentinel: () => "supply-name" },
};

/**
 * Query variants a route answers differently (another file format from the same handler): each is
 * probed like the plain path, for every caller and record. A route that reads ?format= without an
 * entry here fails the suite (formatVariantsMissing).
 */
export const QUERY_VARIANTS: Record<string, string[]> = {
  "/api/export/supplies": ["format=xlsx"],
  "/api/export/patients/[id]/entries": ["format=xlsx"],
  "/admin/audit/export": ["format=xlsx"],
};

export function withQuery(path: string, query: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}${query}`;
}

/** Route files that take a ?format= (or any export format) but list no variants above. */
export function formatVariantsMissing(routes: { pattern: string; file: string }[]): string[] {
  return routes
    .filter((r) => fs.existsSync(r.file) && /get\("format"\)|parseExportFormat/.test(fs.readFileSync(r.file, "utf8")) && !QUERY_VARIANTS[r.pattern]?.length)
    .map((r) => `route ${r.pattern} (${r.file}) reads ?format= but lists no QUERY_VARIANTS in the authorization matrix`);
}

type ActionSpec = {
  ownerships: Ownership[];
  page?: string;
  args: (own: Ownership) => unknown[];
  expect: (who: Who, own: Ownership) => Outcome;
  /** the allowed call is valid input and must succeed (else only "must not 5xx") */
  mustSucceed?: boolean;
};

const actionFor = (roles: Who[]) => (who: Who): Outcome => (who === "anonymous" ? "login" : roles.includes(who) ? "allow" : "forbidden");

const withRecord = clinicRecord;
const randomId = "3f1d2c4b-0000-4000-8000-00000000dead";

export const ACTION_SPECS: Record<string, ActionSpec> = {
  // its verb is in lib/auth/ (not followed by declaredPermission): a random enrolment is not found for admins
  "app/(clinic)/admin/devices/actions.ts#revokeEnrolmentAction": { ownerships: ["none"], args: () => [{ enrolmentId: randomId }], expect: actionFor(["admin"]) },
  // attendance and observation writes go through POST /api/outbox (the same verbs); their server actions are gone
  "app/(clinic)/rooms/actions.ts#checkItem": { ownerships: ["none"], args: () => [{ itemId: randomId, result: "ok" }], expect: (who) => (who === "anonymous" ? "login" : "not-found") },
  "app/(clinic)/rooms/actions.ts#uncheckItem": { ownerships: ["none"], args: () => [{ itemId: randomId }], expect: (who) => (who === "anonymous" ? "login" : "not-found") },
  "app/(clinic)/rooms/actions.ts#saveItemNote": { ownerships: ["none"], args: () => [{ itemId: randomId, note: "x", version: 1 }], expect: (who) => (who === "anonymous" ? "login" : "not-found") },
  "app/(clinic)/rooms/actions.ts#completePrep": { ownerships: ["none"], args: () => [{ prepId: randomId }], expect: (who) => (who === "anonymous" ? "login" : "not-found") },
  "app/(clinic)/rooms/actions.ts#saveEquipmentStatus": {
    ownerships: ["other-clinic"],
    args: (own) => [{ equipmentId: idOf("equipment", own), status: "out_of_service", statusNote: "matrix", nextMaintenanceOn: "", version: 1 }],
    expect: withRecord(["therapist", "admin"]),
  },
  "app/(clinic)/rooms/actions.ts#addEquipment": {
    ownerships: ["other-clinic"],
    args: (own) => [{ id: randomId, roomId: idOf("room", own), name: "Matrix probe", nextMaintenanceOn: "" }],
    expect: withRecord(["admin"]),
  },
  "app/(clinic)/rooms/checklists/actions.ts#addChecklist": {
    ownerships: ["other-clinic"],
    args: (own) => [{ id: randomId, name: "Matrix probe", appliesTo: `room:${idOf("room", own)}`, items: [{ label: "Probe item", required: true, equipmentId: "" }] }],
    expect: withRecord(["therapist", "admin"]),
  },
  "app/(clinic)/rooms/checklists/actions.ts#saveChecklist": {
    ownerships: ["other-clinic"],
    args: (own) => [{ templateId: idOf("checklist", own), name: "Matrix probe", appliesTo: "kind:gym", version: 1, items: [{ label: "Probe item", required: true, equipmentId: "" }] }],
    expect: withRecord(["therapist", "admin"]),
  },
  "app/(clinic)/supplies/actions.ts#recordMovement": {
    ownerships: ["other-clinic"],
    args: (own) => [{ id: randomId, supplyId: idOf("supply", own), kind: "use", quantity: 1, note: "" }],
    expect: withRecord(["assistant", "therapist", "admin"]),
  },
  "app/(clinic)/supplies/actions.ts#addSupply": {
    ownerships: ["none"],
    args: () => [{ id: randomId, name: "Matrix probe supply", unit: "each", onHand: 1, reorderLevel: 0 }],
    expect: actionFor(["admin"]),
  },
  "app/(clinic)/supplies/actions.ts#saveSupply": {
    ownerships: ["other-clinic"],
    args: (own) => [{ supplyId: idOf("supply", own), name: "Matrix probe", unit: "each", reorderLevel: 1, version: 1 }],
    expect: withRecord(["admin"]),
  },
  "app/(clinic)/admin/settings/actions.ts#saveClinicSettings": {
    ownerships: ["none"],
    // a stale version: allowed callers get CONFLICT (ok:false) and nothing changes; the point is that no
    // one else gets ok:true
    args: () => [{ timeZone: "America/Los_Angeles", signoffDeadlineHours: "", idleTimeoutMinutes: "15", version: "999999" }],
    expect: actionFor(["admin"]),
  },
};

export { demoId };

// The FHIR API's routes (issue 12) live in their own module; their system-client cells run from the check.
Object.assign(ROUTE_SPECS, FHIR_ROUTE_SPECS);

// ---------------------------------------------------------------------------------------------------
// Everything not written out above is derived from the source: the permission a page, route handler or
// action's verb declares (requirePermission / assertCan / can) and its roles in lib/auth/permissions.ts.
// A route or action where no permission can be found stays uncovered, and the suite fails on it.

const PERMISSION_CALL = /(?:requirePermission\(|assertCan\(\s*\w+\s*,\s*|\bcan\(\s*\w+\s*,\s*)"([a-z:-]+)"/;

function functionBody(text: string, name: string | null): string {
  if (!name) return text;
  const start = text.search(new RegExp(`export\\s+(?:async\\s+)?function\\s+${name}\\b`));
  if (start < 0) return text;
  const next = text.slice(start + 1).search(/\nexport\s/);
  return next < 0 ? text.slice(start) : text.slice(start, start + 1 + next);
}

function resolveImport(spec: string, from: string): string | null {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? path.join(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of [".ts", ".tsx", "/index.ts"]) if (fs.existsSync(base + ext)) return base + ext;
  return null;
}

/** The permission a file (or one exported function of it) declares, following its lib imports once. */
export function declaredPermission(file: string, exportName: string | null = null): Permission | null {
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, "utf8");
  const body = functionBody(text, exportName);
  const direct = PERMISSION_CALL.exec(body)?.[1];
  if (direct && direct in PERMISSIONS) return direct as Permission;
  for (const m of text.matchAll(/import\s*\{([^}]+)\}\s*from\s*"([^"]+)"/g)) {
    const target = resolveImport(m[2]!, file);
    if (!target || !target.startsWith("lib/") || target.startsWith("lib/auth/")) continue;
    for (const ident of m[1]!.split(",").map((x) => x.trim().replace(/^type\s+/, "")).filter(Boolean)) {
      if (!new RegExp(`\\b${ident}\\(`).test(body)) continue;
      const p = PERMISSION_CALL.exec(functionBody(fs.readFileSync(target, "utf8"), ident))?.[1];
      if (p && p in PERMISSIONS) return p as Permission;
    }
  }
  return null;
}

const rolesOf = (p: Permission): Who[] => [...PERMISSIONS[p].roles];
const randomRecord = (roles: Who[]) => (who: Who): Outcome => (who === "anonymous" ? "login" : roles.includes(who) ? "not-found" : "forbidden");

/** Which sample record fills the [id] of a dynamic route; the rest get a random id (expected 404). */
const RECORD_OF_ROUTE: Record<string, { kind: Kind; rule: "patient" | "clinic" }> = {
  "/admin/patients/[id]": { kind: "patient", rule: "clinic" },
  "/patients/[id]/care": { kind: "patient", rule: "clinic" },
  "/api/export/patients/[id]/entries": { kind: "patient", rule: "clinic" },
  "/admin/people/[id]": { kind: "user", rule: "clinic" },
  "/schedule/appointments/[id]": { kind: "appointment", rule: "clinic" },
};

export function deriveRouteSpec(pattern: string, file: string): RouteSpec | null {
  if (pattern === "/account/password") return { path: () => pattern, expect: (who) => (who === "anonymous" ? "login" : "allow") };
  const perm = declaredPermission(file, file.endsWith("route.ts") ? "GET" : null) ?? declaredPermission(file);
  if (!perm) return null;
  const roles = rolesOf(perm);
  if (!pattern.includes("[")) return { path: () => pattern, expect: page(roles) };
  const rec = RECORD_OF_ROUTE[pattern];
  const fill = (own: Ownership) => pattern.replace(/\[id\]/, rec ? idOf(rec.kind, own) : "3f1d2c4b-0000-4000-8000-00000000beef");
  if (!rec) return { path: () => fill("own"), expect: randomRecord(roles) };
  return { record: rec.kind, path: fill, expect: rec.rule === "patient" ? patientRecord(roles) : clinicRecord(roles) };
}

export function deriveActionSpec(file: string, name: string): ActionSpec | null {
  const perm = declaredPermission(file, name);
  if (!perm) return null;
  // Empty input: roles without the permission must be refused before validation; the others get a
  // validation error. Either way nobody may get ok:true.
  return { ownerships: ["none"], args: () => [{}], expect: actionFor(rolesOf(perm)) };
}
