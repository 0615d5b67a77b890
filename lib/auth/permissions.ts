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

type Rule = { roles: readonly Role[]; scope: Scope; description: string };

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
  "observation:sign": { roles: ["therapist"], scope: "supervision", description: "Sign (adopt) an assistant's entry" },
  "observation:return": { roles: ["therapist"], scope: "supervision", description: "Return an assistant's entry with a comment" },
  "observation:amend": { roles: ["therapist"], scope: "supervision", description: "Add an amendment to a signed entry" },
  "report:submit": { roles: ["assistant"], scope: "caseload", description: "Compose and send a progress report" },
  "report:acknowledge": { roles: ["therapist"], scope: "self", description: "Acknowledge a progress report sent to oneself" },
  "report:read": { roles: ["therapist", "assistant"], scope: "self", description: "Read, print and download progress reports one wrote or received" },
  "concern:raise": { roles: ["assistant"], scope: "caseload", description: "Raise an urgent concern about a patient" },
  "concern:acknowledge": { roles: ["therapist"], scope: "self", description: "Acknowledge a concern raised to oneself" },
  "export:entries": { roles: ["therapist"], scope: "clinic", description: "Export a patient's entries as CSV" },
  "overdue:view": { roles: ["therapist", "admin"], scope: "clinic", description: "See entries overdue for sign-off (admins: without clinical content)" },
  "session:activity": {
    roles: ["admin", "therapist", "assistant"],
    scope: "self",
    description: "Keep one's own session alive while working",
  },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

type Subject = { role: Role; clinicId: string };

export function can(actor: Subject, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(actor.role);
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
