import "server-only";
import { and, asc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { amendments, appointments, delegations, educationGiven, goalObservations, goals, handoutVersions, observations, taskCompletions, type HandoutContent } from "@/db/schema";
import { assertCanReadFhir, type Subject } from "@/lib/auth/permissions";
import { pageOf, type ChartFilter, type Page } from "@/lib/fhir/cursor";
import { chartPatients } from "@/lib/patients/fhir-queries";

export type FhirEntryRow = {
  id: string;
  patientId: string;
  appointmentId: string;
  capturedBy: string;
  capturedByLabel: string;
  signedBy: string;
  signedByLabel: string;
  signedAt: Date;
  submittedAt: Date;
  attitude: number | null;
  attitudeTags: string[];
  accomplishments: string;
  comfortAndNeeds: string;
  note: string;
  startsAt: Date;
  endsAt: Date;
  sortKey: string;
};

export type FhirEntryDetails = {
  measures: { id: string; observationId: string; goalId: string; description: string; unit: string; value: number | null; assistLevel: string | null; note: string }[];
  tasks: { observationId: string; taskType: string; done: boolean; note: string }[];
  /** handoutVersion and handoutContent: the handout version given (method "handout"), else null */
  education: { observationId: string; topic: string; audience: string; method: string; understanding: string; language: string; handoutVersion: number | null; handoutContent: HandoutContent | null }[];
  amendments: { id: string; observationId: string; authorId: string; authorLabel: string; reason: string; text: string; at: Date }[];
};

/**
 * Signed entries only (DESIGN rule 3: a draft, submitted or returned entry is not part of the chart),
 * by submission time. `type` is the FHIR type asked for (Observation, Provenance, DocumentReference).
 */
export async function fhirSignedEntriesPage(subject: Subject, type: "Observation" | "Provenance" | "DocumentReference", f: ChartFilter): Promise<Page<FhirEntryRow>> {
  assertCanReadFhir(subject, type);
  const since = f.since;
  const rows = await getDb()
    .select({
      id: observations.id,
      patientId: observations.patientId,
      appointmentId: observations.appointmentId,
      capturedBy: observations.capturedBy,
      capturedByLabel: observations.capturedByLabel,
      signedBy: sql<string>`${observations.signedBy}`,
      signedByLabel: sql<string>`coalesce(${observations.signedByLabel}, '')`,
      signedAt: sql<Date>`${observations.signedAt}`.mapWith(observations.signedAt),
      submittedAt: sql<Date>`${observations.submittedAt}`.mapWith(observations.submittedAt),
      // the cursor keeps PostgreSQL's microseconds (a Date would repeat rows at a page boundary)
      sortKey: sql<string>`${observations.submittedAt}::text`,
      attitude: observations.attitude,
      attitudeTags: observations.attitudeTags,
      accomplishments: observations.accomplishments,
      comfortAndNeeds: observations.comfortAndNeeds,
      note: observations.note,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
    })
    .from(observations)
    .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
    .where(
      and(
        eq(observations.clinicId, subject.clinicId),
        eq(observations.status, "signed"),
        f.id ? eq(observations.id, f.id) : undefined,
        chartPatients(observations.patientId, subject.clinicId, f),
        f.from ? gte(appointments.startsAt, f.from) : undefined,
        f.to ? lt(appointments.startsAt, f.to) : undefined,
        since
          ? type === "DocumentReference"
            ? or(gte(observations.signedAt, since), sql`exists (select 1 from ${amendments} where ${amendments.observationId} = ${observations.id} and ${amendments.at} >= ${since})`)
            : gte(observations.signedAt, since)
          : undefined,
        f.after ? sql`(${observations.submittedAt}, ${observations.id}) > (${f.after.t}::timestamptz, ${f.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(observations.submittedAt), asc(observations.id))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => ({ t: r.sortKey, id: r.id }));
}

/** Goal measurements, tasks, education and amendments of some signed entries (one query each). */
export async function fhirEntryDetails(subject: Subject, type: "Observation" | "Provenance" | "DocumentReference", entryIds: string[]): Promise<FhirEntryDetails> {
  assertCanReadFhir(subject, type);
  if (!entryIds.length) return { measures: [], tasks: [], education: [], amendments: [] };
  const db = getDb();
  const mine = (col: AnyPgColumn) => inArray(col, entryIds);
  const [measures, tasks, education, notes] = await Promise.all([
    db
      .select({
        id: goalObservations.id,
        observationId: goalObservations.observationId,
        goalId: goalObservations.goalId,
        description: goals.description,
        unit: goals.unit,
        value: goalObservations.value,
        assistLevel: goalObservations.assistLevel,
        note: goalObservations.note,
      })
      .from(goalObservations)
      .innerJoin(goals, and(eq(goals.id, goalObservations.goalId), eq(goals.clinicId, subject.clinicId)))
      .where(mine(goalObservations.observationId))
      .orderBy(asc(goalObservations.id)),
    db
      .select({ observationId: taskCompletions.observationId, taskType: delegations.taskType, done: taskCompletions.done, note: taskCompletions.note })
      .from(taskCompletions)
      .innerJoin(delegations, and(eq(delegations.id, taskCompletions.delegationId), eq(delegations.clinicId, subject.clinicId)))
      .where(mine(taskCompletions.observationId)),
    db
      .select({
        observationId: educationGiven.observationId,
        topic: educationGiven.topic,
        audience: educationGiven.audience,
        method: educationGiven.method,
        understanding: educationGiven.understanding,
        language: educationGiven.language,
        handoutVersion: handoutVersions.version,
        handoutContent: handoutVersions.content,
      })
      .from(educationGiven)
      .leftJoin(handoutVersions, and(eq(handoutVersions.id, educationGiven.handoutVersionId), eq(handoutVersions.clinicId, subject.clinicId)))
      .where(mine(educationGiven.observationId))
      .orderBy(asc(educationGiven.position)),
    db.select().from(amendments).where(mine(amendments.observationId)).orderBy(asc(amendments.at), asc(amendments.id)),
  ]);
  return { measures, tasks, education, amendments: notes };
}
