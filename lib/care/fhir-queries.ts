import "server-only";
import { and, asc, eq, getTableColumns, gte, inArray, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { delegations, goals } from "@/db/schema";
import { assertCanReadFhir, type Subject } from "@/lib/auth/permissions";
import { pageOf, type ChartFilter, type Page } from "@/lib/fhir/cursor";
import { chartPatients } from "@/lib/patients/fhir-queries";

export type FhirGoalRow = typeof goals.$inferSelect;
export type FhirDelegationRow = typeof delegations.$inferSelect;

// Keyset cursors carry the timestamp as PostgreSQL prints it: a JS Date would drop the microseconds
// and a page boundary inside one millisecond would repeat rows for ever.
const keyText = (col: AnyPgColumn) => sql<string>`${col}::text`;

const changedSince = (created: AnyPgColumn, ended: AnyPgColumn, since: Date) => or(gte(created, since), gte(ended, since));

/** A clinic's therapy goals, by creation time. */
export async function fhirGoalsPage(subject: Subject, f: ChartFilter): Promise<Page<FhirGoalRow>> {
  assertCanReadFhir(subject, "Goal");
  const rows = await getDb()
    .select({ ...getTableColumns(goals), sortKey: keyText(goals.createdAt) })
    .from(goals)
    .where(
      and(
        eq(goals.clinicId, subject.clinicId),
        f.id ? eq(goals.id, f.id) : undefined,
        chartPatients(goals.patientId, subject.clinicId, f),
        f.since ? changedSince(goals.createdAt, goals.endedAt, f.since) : undefined,
        f.after ? sql`(${goals.createdAt}, ${goals.id}) > (${f.after.t}::timestamptz, ${f.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(goals.createdAt), asc(goals.id))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => ({ t: r.sortKey, id: r.id }));
}

/** Delegations (Task; grouped per patient into a CarePlan), by creation time. */
export async function fhirDelegationsPage(subject: Subject, type: "Task" | "CarePlan", f: ChartFilter): Promise<Page<FhirDelegationRow>> {
  assertCanReadFhir(subject, type);
  const rows = await getDb()
    .select({ ...getTableColumns(delegations), sortKey: keyText(delegations.createdAt) })
    .from(delegations)
    .where(
      and(
        eq(delegations.clinicId, subject.clinicId),
        chartPatients(delegations.patientId, subject.clinicId, f),
        f.since ? changedSince(delegations.createdAt, delegations.endedAt, f.since) : undefined,
        f.after ? sql`(${delegations.createdAt}, ${delegations.id}) > (${f.after.t}::timestamptz, ${f.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(delegations.createdAt), asc(delegations.id))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => ({ t: r.sortKey, id: r.id }));
}

/** Every delegation and goal id of some patients, for their CarePlans. */
export async function fhirCarePlanParts(subject: Subject, patientIds: string[]) {
  assertCanReadFhir(subject, "CarePlan");
  if (!patientIds.length) return { delegations: [] as FhirDelegationRow[], goals: [] as { id: string; patientId: string }[] };
  const db = getDb();
  const [d, g] = await Promise.all([
    db
      .select()
      .from(delegations)
      .where(and(eq(delegations.clinicId, subject.clinicId), inArray(delegations.patientId, patientIds)))
      .orderBy(asc(delegations.createdAt), asc(delegations.id)),
    db
      .select({ id: goals.id, patientId: goals.patientId })
      .from(goals)
      .where(and(eq(goals.clinicId, subject.clinicId), inArray(goals.patientId, patientIds)))
      .orderBy(asc(goals.createdAt), asc(goals.id)),
  ]);
  return { delegations: d, goals: g };
}

/** Patients with at least one delegation (each has a CarePlan), by patient id. */
export async function fhirCarePlanPatientsPage(subject: Subject, f: ChartFilter): Promise<Page<{ patientId: string }>> {
  assertCanReadFhir(subject, "CarePlan");
  const rows = await getDb()
    .selectDistinct({ patientId: delegations.patientId })
    .from(delegations)
    .where(
      and(
        eq(delegations.clinicId, subject.clinicId),
        chartPatients(delegations.patientId, subject.clinicId, f),
        f.since ? changedSince(delegations.createdAt, delegations.endedAt, f.since) : undefined,
        f.after ? sql`${delegations.patientId} > ${f.after.id}::uuid` : undefined,
      ),
    )
    .orderBy(asc(delegations.patientId))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => ({ t: "", id: r.patientId }));
}
