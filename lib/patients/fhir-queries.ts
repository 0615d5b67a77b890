import "server-only";
import { and, asc, eq, gt, gte, inArray, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients } from "@/db/schema";
import { assertCanReadFhir, type Subject } from "@/lib/auth/permissions";
import { pageOf, type ChartFilter, type Page } from "@/lib/fhir/cursor";

/**
 * The patients a FHIR query covers, as a condition on a row's patient id column: one patient, a
 * therapist's panel (Group), or the clinic. The clinic is always in it (another clinic's rows do not
 * exist for the caller).
 */
export function chartPatients(column: SQLWrapper, clinicId: string, f: Pick<ChartFilter, "patientId" | "panelOf">): SQL | undefined {
  if (f.patientId) return eq(column as typeof patients.id, f.patientId);
  if (f.panelOf)
    return inArray(
      column as typeof patients.id,
      getDb()
        .select({ id: patients.id })
        .from(patients)
        .where(and(eq(patients.clinicId, clinicId), eq(patients.primaryTherapistId, f.panelOf))),
    );
  return undefined;
}

export type FhirPatientRow = {
  id: string;
  clinicId: string;
  mrn: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dateOfBirth: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  status: "active" | "discharged";
  primaryTherapistId: string | null;
  updatedAt: Date;
};

/** Patients of the caller's clinic for FHIR (demographics only: never precautions), by id. */
export async function fhirPatientsPage(subject: Subject, f: ChartFilter): Promise<Page<FhirPatientRow>> {
  assertCanReadFhir(subject, "Patient");
  const rows = await getDb()
    .select({
      id: patients.id,
      clinicId: patients.clinicId,
      mrn: patients.mrn,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      dateOfBirth: patients.dateOfBirth,
      preferredLanguage: patients.preferredLanguage,
      interpreterNeeded: patients.interpreterNeeded,
      status: patients.status,
      primaryTherapistId: patients.primaryTherapistId,
      updatedAt: patients.updatedAt,
    })
    .from(patients)
    .where(
      and(
        eq(patients.clinicId, subject.clinicId),
        f.patientId ? eq(patients.id, f.patientId) : undefined,
        f.panelOf ? eq(patients.primaryTherapistId, f.panelOf) : undefined,
        f.since ? gte(patients.updatedAt, f.since) : undefined,
        f.after ? gt(patients.id, f.after.id) : undefined,
      ),
    )
    .orderBy(asc(patients.id))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => ({ t: "", id: r.id }));
}

/** Is this id a patient of the caller's clinic? (404 otherwise, before any search on it.) */
export async function fhirPatientExists(subject: Subject, id: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return false;
  const [row] = await getDb()
    .select({ one: sql<number>`1` })
    .from(patients)
    .where(and(eq(patients.id, id), eq(patients.clinicId, subject.clinicId)))
    .limit(1);
  return !!row;
}
