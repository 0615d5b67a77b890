/**
 * The authorization matrix: for every page, route handler and server action of the build, who may
 * reach it and over whose records. Mirrors lib/auth/permissions.ts; a route or action missing here
 * fails the suite.
 */
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
};

type RouteSpec = {
  method?: "GET" | "POST";
  /** statuses that count as "allowed" (default 200); "/" answers everyone with a redirect */
  allowStatus?: number[];
  record?: "patient";
  path: (own: Ownership) => string;
  expect: (who: Who, own: Ownership) => Outcome;
  sentinel?: (own: Ownership) => string;
};

const page = (roles: Who[]) => (who: Who): Outcome => (who === "anonymous" ? "login" : roles.includes(who) ? "allow" : "forbidden");
const pub = (): Outcome => "allow";

/** Caseload-scoped patient record: other clinic → 404 for all; outside caseload → 404 for assistants. */
const patientRecord = (roles: Who[]) => (who: Who, own: Ownership): Outcome => {
  if (who === "anonymous") return "login";
  if (!roles.includes(who)) return "forbidden";
  if (own === "other-clinic") return "not-found";
  if (own === "same-clinic-outside-caseload" && who === "assistant") return "not-found";
  return "allow";
};

const patientPath = (suffix = "") => (own: Ownership) => `/patients/${SAMPLE_IDS.patient![own as Exclude<Ownership, "none">]}${suffix}`;

export const ROUTE_SPECS: Record<string, RouteSpec> = {
  "/": { path: () => "/", expect: (who) => (who === "anonymous" ? "login" : "allow"), allowStatus: [307] },
  "/login": { path: () => "/login", expect: pub, allowStatus: [200, 307] },
  "/api/health": { path: () => "/api/health", expect: pub },
  "/api/auth/[...nextauth]": { path: () => "/api/auth/session", expect: pub },
  "/api/session/activity": { method: "POST", path: () => "/api/session/activity", expect: (who) => (who === "anonymous" ? "login" : "allow") },
  "/today": { path: () => "/today", expect: page(["assistant"]), sentinel: () => "caseload" },
  "/review": { path: () => "/review", expect: page(["therapist"]) },
  "/admin": { path: () => "/admin", expect: page(["admin"]), sentinel: () => "staff-email" },
  "/admin/settings": { path: () => "/admin/settings", expect: page(["admin"]), sentinel: () => "clinic-settings" },
  "/patients": { path: () => "/patients", expect: page(["assistant", "therapist", "admin"]) },
  "/patients/[id]": { record: "patient", path: patientPath(), expect: patientRecord(["assistant", "therapist", "admin"]), sentinel: (own) => `patient:${own}` },
};

type ActionSpec = {
  ownerships: Ownership[];
  page?: string;
  args: (own: Ownership) => unknown[];
  expect: (who: Who, own: Ownership) => Outcome;
  /** the allowed call is valid input and must succeed (else only "must not 5xx") */
  mustSucceed?: boolean;
};

const actionFor = (roles: Who[]) => (who: Who): Outcome => (who === "anonymous" ? "login" : roles.includes(who) ? "allow" : "forbidden");

export const ACTION_SPECS: Record<string, ActionSpec> = {
  "app/(clinic)/admin/settings/actions.ts#saveClinicSettings": {
    ownerships: ["none"],
    // a stale version: allowed callers get CONFLICT (ok:false) and nothing changes; the point is that no
    // one else gets ok:true
    args: () => [{ timeZone: "America/Los_Angeles", signoffDeadlineHours: "", idleTimeoutMinutes: "15", version: "999999" }],
    expect: actionFor(["admin"]),
  },
};

export { demoId };
