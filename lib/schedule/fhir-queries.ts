import "server-only";
import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, rooms } from "@/db/schema";
import { assertCanReadFhir, type Subject } from "@/lib/auth/permissions";
import { pageOf, type ChartFilter, type Page } from "@/lib/fhir/cursor";
import { chartPatients } from "@/lib/patients/fhir-queries";

export type FhirEncounterRow = {
  id: string;
  patientId: string;
  therapistId: string;
  assistantId: string | null;
  startsAt: Date;
  endsAt: Date;
  arrivedAt: Date | null;
  attendance: "present" | "late" | "no_show" | "cancelled" | null;
  roomId: string;
  roomName: string;
  sortKey: string;
};

/** Attended appointments (present or late) of the caller's clinic, by start time. */
export async function fhirEncountersPage(subject: Subject, f: ChartFilter): Promise<Page<FhirEncounterRow>> {
  assertCanReadFhir(subject, "Encounter");
  const rows = await getDb()
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      therapistId: appointments.therapistId,
      assistantId: appointments.assistantId,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      arrivedAt: appointments.arrivedAt,
      attendance: appointments.attendance,
      roomId: appointments.roomId,
      roomName: rooms.name,
      // the cursor keeps PostgreSQL's microseconds (a Date would repeat rows at a page boundary)
      sortKey: sql<string>`${appointments.startsAt}::text`,
    })
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .where(
      and(
        eq(appointments.clinicId, subject.clinicId),
        f.id ? eq(appointments.id, f.id) : undefined,
        eq(appointments.status, "scheduled"),
        inArray(appointments.attendance, ["present", "late"]),
        chartPatients(appointments.patientId, subject.clinicId, f),
        f.from ? gte(appointments.startsAt, f.from) : undefined,
        f.to ? lt(appointments.startsAt, f.to) : undefined,
        f.since ? gte(appointments.updatedAt, f.since) : undefined,
        f.after ? sql`(${appointments.startsAt}, ${appointments.id}) > (${f.after.t}::timestamptz, ${f.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id))
    .limit(f.limit + 1);
  return pageOf(rows, f.limit, (r) => ({ t: r.sortKey, id: r.id }));
}
