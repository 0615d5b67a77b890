import "server-only";
import { and, asc, desc, eq, exists, gte, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { appointments, caseloads, observations, patients, roomPreps, rooms, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { displayName } from "@/lib/patients/queries";
import { clinicDayRange, clinicToday } from "@/lib/time";

export type TodayAppointment = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  cancelledByClinic: boolean;
  patientId: string;
  patientName: string;
  precautions: string[];
  interpreterNeeded: boolean;
  preferredLanguage: string;
  roomId: string;
  roomName: string;
  roomPrep: "not_started" | "in_progress" | "ready";
  therapist: string;
  attendance: "present" | "late" | "no_show" | "cancelled" | null;
  arrivedAt: Date | null;
  attendanceRecordedByMe: boolean;
  version: number;
  observation: { status: "draft" | "submitted" | "returned" | "signed"; returnComment: string | null } | null;
};

function onMyCaseload(actor: Actor) {
  return exists(
    getDb()
      .select({ one: sql`1` })
      .from(caseloads)
      .where(and(eq(caseloads.patientId, appointments.patientId), eq(caseloads.assistantId, actor.id))),
  );
}

/** The assistant's appointments for today in the clinic's zone, in time order, with everything Today
 * shows about each: one query (room prep and the entry are left joins). */
export async function listTodayAppointments(actor: Actor, now = new Date()): Promise<{ day: string; appointments: TodayAppointment[] }> {
  assertCan(actor, "today:view");
  const day = clinicToday(actor.clinic.timeZone, now);
  const { start, end } = clinicDayRange(day, actor.clinic.timeZone);
  const therapist = alias(users, "therapist");
  const rows = await getDb()
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      status: appointments.status,
      attendance: appointments.attendance,
      arrivedAt: appointments.arrivedAt,
      recordedBy: appointments.attendanceRecordedBy,
      version: appointments.version,
      patientId: appointments.patientId,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      precautions: patients.precautions,
      interpreterNeeded: patients.interpreterNeeded,
      preferredLanguage: patients.preferredLanguage,
      roomId: appointments.roomId,
      roomName: rooms.name,
      prepStatus: roomPreps.status,
      therapistName: therapist.name,
      therapistTitle: therapist.title,
      obsStatus: observations.status,
      returnComment: observations.returnComment,
    })
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(therapist, eq(therapist.id, appointments.therapistId))
    .leftJoin(roomPreps, and(eq(roomPreps.roomId, appointments.roomId), eq(roomPreps.day, day)))
    .leftJoin(observations, eq(observations.appointmentId, appointments.id))
    .where(
      and(
        eq(appointments.clinicId, actor.clinicId),
        eq(appointments.assistantId, actor.id),
        gte(appointments.startsAt, start),
        lt(appointments.startsAt, end),
        onMyCaseload(actor),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  return {
    day,
    appointments: rows.map((r) => ({
      id: r.id,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      cancelledByClinic: r.status === "cancelled",
      patientId: r.patientId,
      patientName: displayName(r),
      precautions: r.precautions,
      interpreterNeeded: r.interpreterNeeded,
      preferredLanguage: r.preferredLanguage,
      roomId: r.roomId,
      roomName: r.roomName,
      roomPrep: r.prepStatus ?? "not_started",
      therapist: r.therapistTitle ? `${r.therapistName}, ${r.therapistTitle}` : r.therapistName,
      attendance: r.attendance,
      arrivedAt: r.arrivedAt,
      attendanceRecordedByMe: r.recordedBy === actor.id,
      version: r.version,
      observation: r.obsStatus ? { status: r.obsStatus, returnComment: r.returnComment } : null,
    })),
  };
}

export type ReturnedEntry = { appointmentId: string; startsAt: Date; patientName: string; therapist: string; returnComment: string | null; returnedAt: Date | null };

/** Entries a therapist returned to this assistant, from any day: they need attention first. */
export async function listReturnedEntries(actor: Actor): Promise<ReturnedEntry[]> {
  assertCan(actor, "today:view");
  const therapist = alias(users, "therapist");
  const rows = await getDb()
    .select({
      appointmentId: appointments.id,
      startsAt: appointments.startsAt,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      therapistName: therapist.name,
      therapistTitle: therapist.title,
      returnComment: observations.returnComment,
      returnedAt: observations.returnedAt,
    })
    .from(observations)
    .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
    .innerJoin(patients, eq(patients.id, observations.patientId))
    .innerJoin(therapist, eq(therapist.id, observations.supervisingTherapistId))
    .where(and(eq(observations.clinicId, actor.clinicId), eq(observations.capturedBy, actor.id), eq(observations.status, "returned"), onMyCaseload(actor)))
    .orderBy(desc(observations.returnedAt))
    .limit(50);
  return rows.map((r) => ({
    appointmentId: r.appointmentId,
    startsAt: r.startsAt,
    patientName: displayName(r),
    therapist: r.therapistTitle ? `${r.therapistName}, ${r.therapistTitle}` : r.therapistName,
    returnComment: r.returnComment,
    returnedAt: r.returnedAt,
  }));
}
