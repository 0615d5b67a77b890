import "server-only";
import { and, asc, eq, exists, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseloads, patients, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { encodePatientCursor, patientCursorSchema, patientSearchParams } from "./schemas";

/** The rows this actor may see at all: their clinic, and for assistants their caseload (rule 8). */
export function patientScope(actor: Actor): SQL {
  const clinic = eq(patients.clinicId, actor.clinicId);
  if (actor.role !== "assistant") return clinic;
  return and(
    clinic,
    exists(
      getDb()
        .select({ one: sql`1` })
        .from(caseloads)
        .where(and(eq(caseloads.patientId, patients.id), eq(caseloads.assistantId, actor.id))),
    ),
  )!;
}

export type PatientListItem = {
  id: string;
  displayName: string;
  fullName: string;
  mrn: string;
  status: "active" | "discharged";
  preferredLanguage: string;
  interpreterNeeded: boolean;
  /** only for roles that may see clinical data */
  precautions: string[] | null;
};

export function displayName(p: { firstName: string; lastName: string; preferredName: string | null }): string {
  return p.preferredName ? `${p.preferredName} ${p.lastName}` : `${p.firstName} ${p.lastName}`;
}

export async function listPatients(actor: Actor, opts: { limit?: number } = {}): Promise<PatientListItem[]> {
  assertCan(actor, "patient:list");
  const clinical = can(actor, "patient:read-clinical");
  const rows = await getDb()
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      mrn: patients.mrn,
      status: patients.status,
      preferredLanguage: patients.preferredLanguage,
      interpreterNeeded: patients.interpreterNeeded,
      precautions: patients.precautions,
    })
    .from(patients)
    .where(patientScope(actor))
    .orderBy(asc(patients.lastName), asc(patients.firstName))
    .limit(Math.min(opts.limit ?? 200, 500));
  return rows.map((r) => ({
    id: r.id,
    displayName: displayName(r),
    fullName: `${r.firstName} ${r.lastName}`,
    mrn: r.mrn,
    status: r.status,
    preferredLanguage: r.preferredLanguage,
    interpreterNeeded: r.interpreterNeeded,
    precautions: clinical ? r.precautions : null,
  }));
}

export type PatientDetail = PatientListItem & {
  dateOfBirth: string | null;
  primaryTherapist: string | null;
};

/**
 * One patient, or NOT_FOUND when it is another clinic's or off an assistant's caseload. Admins get
 * demographics without clinical content; assistants get the minimum their work needs. Opening a
 * patient's clinical view is audited.
 */
export async function getPatient(actor: Actor, patientId: string): Promise<PatientDetail> {
  assertCan(actor, "patient:read");
  if (!/^[0-9a-f-]{36}$/i.test(patientId)) throw notFound("Patient");
  const db = getDb();
  const [r] = await db
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      mrn: patients.mrn,
      status: patients.status,
      dateOfBirth: patients.dateOfBirth,
      preferredLanguage: patients.preferredLanguage,
      interpreterNeeded: patients.interpreterNeeded,
      precautions: patients.precautions,
      therapistName: users.name,
      therapistTitle: users.title,
    })
    .from(patients)
    .leftJoin(users, eq(users.id, patients.primaryTherapistId))
    .where(and(eq(patients.id, patientId), patientScope(actor)))
    .limit(1);
  if (!r) throw notFound("Patient");
  const clinical = can(actor, "patient:read-clinical");
  await audit(db, actor, {
    action: clinical ? "patient.view_clinical" : "patient.view_demographics",
    entity: "patient",
    entityId: r.id,
    patientId: r.id,
  });
  return {
    id: r.id,
    displayName: displayName(r),
    fullName: `${r.firstName} ${r.lastName}`,
    mrn: r.mrn,
    status: r.status,
    preferredLanguage: r.preferredLanguage,
    interpreterNeeded: r.interpreterNeeded,
    precautions: clinical ? r.precautions : null,
    // Assistants do not need a date of birth for delegated work (minimum necessary).
    dateOfBirth: actor.role === "assistant" ? null : r.dateOfBirth,
    primaryTherapist: r.therapistName ? `${r.therapistName}${r.therapistTitle ? `, ${r.therapistTitle}` : ""}` : null,
  };
}

/** The text the trigram index (migration 0004) covers; searches must use exactly this expression. */
const searchText = sql`lower(${patients.firstName} || ' ' || ${patients.lastName} || ' ' || coalesce(${patients.preferredName}, '') || ' ' || ${patients.mrn})`;

export type PatientPage = { items: (PatientListItem & { dateOfBirth: string | null; version: number })[]; next: string | null };

/**
 * Search by name or MRN, a page at a time. Keyset pagination on (last name, first name, id) keeps
 * every page as fast as the first, whatever the clinic's size; the cursor is opaque to the browser.
 */
export async function searchPatients(
  actor: Actor,
  opts: { q?: string; status?: "active" | "discharged" | "all"; after?: string | null; limit?: number } = {},
): Promise<PatientPage> {
  assertCan(actor, "patient:list");
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 100);
  const q = patientSearchParams.q.parse(opts.q).toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  // validated before it reaches SQL: a forged cursor (not base64 JSON, or no uuid in it) is refused
  const parsed = opts.after ? patientCursorSchema.safeParse(opts.after) : null;
  if (parsed && !parsed.success) throw new AppError("VALIDATION", { key: "errors.patients.badPage" });
  const cursor = parsed?.data ?? null;
  const status = opts.status ?? "active";
  const rows = await getDb()
    .select({
      id: patients.id,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      mrn: patients.mrn,
      status: patients.status,
      preferredLanguage: patients.preferredLanguage,
      interpreterNeeded: patients.interpreterNeeded,
      precautions: patients.precautions,
      dateOfBirth: patients.dateOfBirth,
      version: patients.version,
    })
    .from(patients)
    .where(
      and(
        patientScope(actor),
        status === "all" ? undefined : eq(patients.status, status),
        q ? sql`${searchText} like ${`%${q}%`}` : undefined,
        cursor ? sql`(${patients.lastName}, ${patients.firstName}, ${patients.id}) > (${cursor[0]}, ${cursor[1]}, ${cursor[2]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(patients.lastName), asc(patients.firstName), asc(patients.id))
    .limit(limit + 1);
  const clinical = can(actor, "patient:read-clinical");
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      displayName: displayName(r),
      fullName: `${r.firstName} ${r.lastName}`,
      mrn: r.mrn,
      status: r.status,
      preferredLanguage: r.preferredLanguage,
      interpreterNeeded: r.interpreterNeeded,
      precautions: clinical ? r.precautions : null,
      dateOfBirth: actor.role === "assistant" ? null : r.dateOfBirth,
      version: r.version,
    })),
    next: rows.length > limit && last ? encodePatientCursor([last.lastName, last.firstName, last.id]) : null,
  };
}

/** A patient's editable demographics and assistants, for the admin's form (no clinical content). */
export async function getPatientForEdit(actor: Actor, patientId: string) {
  assertCan(actor, "patient:manage");
  if (!/^[0-9a-f-]{36}$/i.test(patientId)) throw notFound("Patient");
  const db = getDb();
  // demographics only: precautions need patient:read-clinical, which admins do not hold (DESIGN rule 8)
  const [p] = await db
    .select({
      id: patients.id,
      mrn: patients.mrn,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      dateOfBirth: patients.dateOfBirth,
      preferredLanguage: patients.preferredLanguage,
      interpreterNeeded: patients.interpreterNeeded,
      primaryTherapistId: patients.primaryTherapistId,
      status: patients.status,
      version: patients.version,
    })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
  if (!p) throw notFound("Patient");
  const assigned = await db
    .select({ id: users.id, name: users.name })
    .from(caseloads)
    .innerJoin(users, eq(users.id, caseloads.assistantId))
    .where(eq(caseloads.patientId, patientId))
    .orderBy(asc(users.name));
  await audit(db, actor, { action: "patient.view_demographics", entity: "patient", entityId: p.id, patientId: p.id, detail: { for: "edit" } });
  return { patient: p, assistants: assigned };
}
