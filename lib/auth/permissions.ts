import type { Role } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Who may do what, and over which rows. The one place for these rules (DESIGN §2).
 * `scope` says how the rows are narrowed; queries apply it in their WHERE clause, so a row outside
 * the scope is simply not found:
 * - clinic:      rows of the actor's clinic;
 * - caseload:    assistants see only patients on their caseload; others see the clinic;
 * - supervision: therapists act on entries of the assistants they supervise;
 * - self:        the actor's own rows (their appointments, their entries).
 */
export type Scope = "clinic" | "caseload" | "supervision" | "self";

/** `clients: true`: system clients (SMART Backend Services) may hold it too, within their scopes. */
type Rule = { roles: readonly Role[]; scope: Scope; description: string; clients?: boolean };

export const PERMISSIONS = {
  "today:view": { roles: ["assistant"], scope: "self", description: "The assistant's day: appointments, attendance, rooms" },
  "review:view": { roles: ["therapist"], scope: "supervision", description: "The therapist's review queue" },
  "admin:view": { roles: ["admin"], scope: "clinic", description: "The clinic administration overview" },
  "patient:list": { roles: ["admin", "therapist", "assistant"], scope: "caseload", description: "List patients" },
  "patient:read": {
    roles: ["admin", "therapist", "assistant"],
    scope: "caseload",
    description: "Open a patient (admins: demographics only; assistants: minimum necessary)",
  },
  "patient:read-clinical": {
    roles: ["therapist", "assistant"],
    scope: "caseload",
    description: "See a patient's precautions, goals, delegated tasks and entries",
  },
  "patient:manage": { roles: ["admin"], scope: "clinic", description: "Create, edit and discharge patients" },
  "user:list": { roles: ["admin"], scope: "clinic", description: "List the clinic's staff accounts" },
  "user:manage": { roles: ["admin"], scope: "clinic", description: "Create, deactivate and change staff accounts" },
  "caseload:manage": { roles: ["admin"], scope: "clinic", description: "Assign assistants to therapists and patients" },
  "clinic:settings": { roles: ["admin"], scope: "clinic", description: "Change clinic settings" },
  "audit:read": { roles: ["admin"], scope: "clinic", description: "Read and export the audit log" },
  "room:list": { roles: ["admin", "therapist", "assistant"], scope: "clinic", description: "See rooms" },
  "room:manage": { roles: ["admin"], scope: "clinic", description: "Create and change rooms" },
  "room:prep": {
    roles: ["assistant", "therapist"],
    scope: "clinic",
    description: "Prepare a room for the day: check checklist items, note, mark failed, complete the prep",
  },
  "checklist:manage": { roles: ["admin", "therapist"], scope: "clinic", description: "Create and edit room checklist templates" },
  "equipment:update": { roles: ["admin", "therapist"], scope: "clinic", description: "Set equipment status and next maintenance date" },
  "supply:list": { roles: ["admin", "therapist", "assistant"], scope: "clinic", description: "See supplies and their stock" },
  "supply:move": { roles: ["admin", "therapist", "assistant"], scope: "clinic", description: "Record use or restock of a supply" },
  "supply:manage": { roles: ["admin"], scope: "clinic", description: "Add supplies, set reorder levels, low-stock list, CSV export" },
  "staff:list-supervision": {
    roles: ["therapist", "assistant"],
    scope: "self",
    description: "See one's own supervising therapists or supervised assistants",
  },
  "attendance:record": {
    roles: ["assistant", "therapist"],
    scope: "self",
    description: "Record attendance for an appointment one is assigned to (assistant) or supervises (therapist)",
  },
  "observation:write": { roles: ["assistant"], scope: "self", description: "Open and save drafts of one's own session observations" },
  "observation:submit": { roles: ["assistant"], scope: "self", description: "Submit one's own session observation to the supervising therapist" },
  "schedule:view": { roles: ["admin"], scope: "clinic", description: "See the clinic schedule and attendance overview" },
  "schedule:manage": { roles: ["admin"], scope: "clinic", description: "Book, edit, move and cancel appointments and series" },
  "account:password": {
    roles: ["admin", "therapist", "assistant"],
    scope: "self",
    description: "Change one's own password",
  },
  "account:preferences": {
    roles: ["admin", "therapist", "assistant"],
    scope: "self",
    description: "See and change one's own account preferences (language)",
  },
  "care:manage": {
    roles: ["therapist"],
    scope: "supervision",
    description: "Create and end goals and delegations; record assistants' competencies",
  },
  "handout:read": {
    roles: ["therapist", "assistant"],
    scope: "clinic",
    description: "Read the clinic's home-exercise handouts and their versions, and print them (clinical content: not admins)",
  },
  "handout:write": {
    roles: ["therapist"],
    scope: "clinic",
    description: "Write handouts and publish new versions; link them to a patient's goals and delegations, and unlink them",
  },
  "observation:sign": { roles: ["therapist"], scope: "supervision", description: "Sign (adopt) an assistant's entry" },
  "observation:return": { roles: ["therapist"], scope: "supervision", description: "Return an assistant's entry with a comment" },
  "observation:amend": { roles: ["therapist"], scope: "supervision", description: "Add an amendment to a signed entry" },
  "report:submit": { roles: ["assistant"], scope: "caseload", description: "Compose and send a progress report" },
  "report:acknowledge": { roles: ["therapist"], scope: "self", description: "Acknowledge a progress report sent to oneself" },
  "report:read": { roles: ["therapist", "assistant"], scope: "self", description: "Read, print and download progress reports one wrote or received" },
  "concern:raise": { roles: ["assistant"], scope: "caseload", description: "Raise an urgent concern about a patient" },
  "verbal-report:log": {
    roles: ["assistant"],
    scope: "self",
    description: "Log a verbal report to the therapist about one's own session (to whom, when, one line)",
  },
  "offline:sync": {
    roles: ["assistant"],
    scope: "self",
    description: "Work offline on a tablet: pull one's working set, send one's outbox, get one's device key",
  },
  "device:enrol": {
    roles: ["assistant"],
    scope: "self",
    description: "Enrol a shared tablet for one's own PIN sign-in (after a full sign-in on it)",
  },
  "enrolment:manage": {
    roles: ["admin"],
    scope: "clinic",
    description: "See and revoke the clinic's tablet PIN enrolments, per person and per device",
  },
  "concern:acknowledge": { roles: ["therapist"], scope: "self", description: "Acknowledge a concern raised to oneself" },
  "export:entries": { roles: ["therapist"], scope: "clinic", description: "Export a patient's entries as CSV" },
  "overdue:view": { roles: ["therapist", "admin"], scope: "clinic", description: "See entries overdue for sign-off (admins: without clinical content)" },
  "fhir:read": {
    roles: ["therapist", "admin"],
    scope: "clinic",
    clients: true,
    description: "Read and search the FHIR API: Patient, Practitioner, PractitionerRole, Encounter (no clinical content)",
  },
  "fhir:read-clinical": {
    roles: ["therapist"],
    scope: "clinic",
    clients: true,
    description: "Read the signed chart as FHIR: Observation, Goal, CarePlan, Task, Provenance, DocumentReference",
  },
  "fhir:export": { roles: ["therapist", "admin"], scope: "clinic", clients: true, description: "Start, poll and download Bulk Data $export jobs (what fhir:read allows)" },
  "fhir:import": { roles: ["admin"], scope: "clinic", description: "Import patients from a FHIR Bundle or NDJSON" },
  "fhir:clients": { roles: ["admin"], scope: "clinic", description: "Register and revoke the clinic's FHIR system clients" },
  "session:activity": {
    roles: ["admin", "therapist", "assistant"],
    scope: "self",
    description: "Keep one's own session alive while working",
  },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

/** A signed-in user, or a system client (role "system") with the SMART scopes of its token. */
export type Subject = { role: Role | "system"; clinicId: string; scopes?: readonly string[] };

export function can(actor: Subject, permission: Permission): boolean {
  const rule: Rule = PERMISSIONS[permission];
  if (actor.role === "system") return rule.clients === true;
  return rule.roles.includes(actor.role);
}

export function scopeOf(permission: Permission): Scope {
  return PERMISSIONS[permission].scope;
}

/**
 * Refuses (FORBIDDEN) a role the permission does not name, and pretends a row of another clinic does
 * not exist (NOT_FOUND, DESIGN rule 8). Finer scopes (caseload, supervision) are applied by the
 * queries that load the target.
 */
export function assertCan(actor: Subject, permission: Permission, target?: { clinicId: string }): void {
  if (!can(actor, permission)) {
    throw new AppError("FORBIDDEN", { key: "errors.roleForbidden" });
  }
  if (target && target.clinicId !== actor.clinicId) {
    throw new AppError("NOT_FOUND", { key: "errors.notFound.record" });
  }
}

/** FHIR resource types by what they carry: demographics and staff, or the clinical record. */
export const FHIR_TYPES = {
  Patient: "fhir:read",
  Practitioner: "fhir:read",
  PractitionerRole: "fhir:read",
  Encounter: "fhir:read",
  Observation: "fhir:read-clinical",
  Goal: "fhir:read-clinical",
  CarePlan: "fhir:read-clinical",
  Task: "fhir:read-clinical",
  Provenance: "fhir:read-clinical",
  DocumentReference: "fhir:read-clinical",
} as const satisfies Record<string, Permission>;
export type FhirType = keyof typeof FHIR_TYPES;
export const FHIR_TYPE_NAMES = Object.keys(FHIR_TYPES) as FhirType[];

/** Whether SMART scopes grant reading a type: `system/*.read`, `system/Type.read` (v1) or `.rs` (v2). */
export function scopesCover(scopes: readonly string[], type: string): boolean {
  return scopes.some((s) => {
    const m = /^system\/(\*|[A-Za-z]+)\.(read|rs|r|\*)$/.exec(s);
    return !!m && (m[1] === "*" || m[1] === type);
  });
}

/** May this user or client read this FHIR type? Role first, then (for clients) the token's scopes. */
export function canReadFhir(actor: Subject, type: FhirType): boolean {
  if (!can(actor, FHIR_TYPES[type])) return false;
  return actor.role !== "system" || scopesCover(actor.scopes ?? [], type);
}

/** FORBIDDEN when the role or the scopes do not cover the type; NOT_FOUND for another clinic's row. */
export function assertCanReadFhir(actor: Subject, type: FhirType, target?: { clinicId: string }): void {
  assertCan(actor, FHIR_TYPES[type], target);
  if (!canReadFhir(actor, type)) throw new AppError("FORBIDDEN", `The token's scopes do not cover ${type}.`);
}
