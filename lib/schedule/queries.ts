import "server-only";
import { and, asc, eq, gt, lt, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { appointments, patients, rooms, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

export type ScheduleItem = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: "scheduled" | "cancelled";
  attendance: "present" | "late" | "no_show" | "cancelled" | null;
  seriesId: string | null;
  version: number;
  patientId: string;
  patientName: string;
  therapistId: string;
  therapistName: string;
  assistantId: string | null;
  assistantName: string | null;
  roomId: string;
  roomName: string;
};

const therapist = alias(users, "therapist");
const assistant = alias(users, "assistant");

function itemColumns() {
  return {
    id: appointments.id,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    status: appointments.status,
    attendance: appointments.attendance,
    seriesId: appointments.seriesId,
    version: appointments.version,
    patientId: appointments.patientId,
    patientName: sql<string>`coalesce(${patients.preferredName}, ${patients.firstName}) || ' ' || ${patients.lastName}`,
    therapistId: appointments.therapistId,
    therapistName: therapist.name,
    assistantId: appointments.assistantId,
    assistantName: assistant.name,
    roomId: appointments.roomId,
    roomName: rooms.name,
  };
}

function baseQuery() {
  return getDb()
    .select(itemColumns())
    .from(appointments)
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .innerJoin(therapist, eq(therapist.id, appointments.therapistId))
    .leftJoin(assistant, eq(assistant.id, appointments.assistantId))
    .innerJoin(rooms, eq(rooms.id, appointments.roomId));
}

/** The clinic's appointments overlapping [from, to), in one query (schedule: demographics and times only). */
/** Longest possible appointment, enforced by the database (migration 0009; the booking form allows 8 h). */
export const APPOINTMENT_MAX_SPAN_HOURS = 24;

export async function listAppointments(
  actor: Actor,
  range: { from: Date; to: Date; includeCancelled?: boolean },
): Promise<ScheduleItem[]> {
  assertCan(actor, "schedule:view");
  return baseQuery()
    .where(
      and(
        eq(appointments.clinicId, actor.clinicId),
        // overlap, with a lower bound on starts_at so the index reads the range, not all earlier history
        gt(appointments.startsAt, new Date(range.from.getTime() - APPOINTMENT_MAX_SPAN_HOURS * 3_600_000)),
        lt(appointments.startsAt, range.to),
        gt(appointments.endsAt, range.from),
        range.includeCancelled ? undefined : ne(appointments.status, "cancelled"),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(rooms.name));
}

export async function getAppointment(actor: Actor, id: string): Promise<ScheduleItem> {
  assertCan(actor, "schedule:view");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("Appointment");
  const [row] = await baseQuery().where(and(eq(appointments.id, id), eq(appointments.clinicId, actor.clinicId)));
  if (!row) throw notFound("Appointment");
  return row;
}

export type ScheduleOptions = {
  patients: { id: string; name: string; mrn: string }[];
  therapists: { id: string; name: string }[];
  assistants: { id: string; name: string }[];
  rooms: { id: string; name: string }[];
};

/** What a booking form can choose from: active patients, staff and rooms of the clinic. */
export async function scheduleOptions(actor: Actor): Promise<ScheduleOptions> {
  assertCan(actor, "schedule:view");
  const [ps, staffAndRooms] = await Promise.all([
    getDb()
      .select({ id: patients.id, first: patients.firstName, last: patients.lastName, preferred: patients.preferredName, mrn: patients.mrn })
      .from(patients)
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.status, "active")))
      .orderBy(asc(patients.lastName), asc(patients.firstName))
      .limit(2000),
    scheduleStaffAndRooms(actor),
  ]);
  return { patients: ps.map((p) => ({ id: p.id, name: `${p.preferred ?? p.first} ${p.last}`, mrn: p.mrn })), ...staffAndRooms };
}

/** Staff and rooms only: the schedule views (their cost must not grow with the clinic's patient list). */
export async function scheduleStaffAndRooms(actor: Actor): Promise<Omit<ScheduleOptions, "patients">> {
  assertCan(actor, "schedule:view");
  const db = getDb();
  const [staff, rs] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, role: users.role })
      .from(users)
      .where(and(eq(users.clinicId, actor.clinicId), eq(users.active, true), ne(users.role, "admin")))
      .orderBy(asc(users.name)),
    db.select({ id: rooms.id, name: rooms.name }).from(rooms).where(and(eq(rooms.clinicId, actor.clinicId), eq(rooms.active, true))).orderBy(asc(rooms.name)),
  ]);
  return {
    therapists: staff.filter((s) => s.role === "therapist").map(({ id, name }) => ({ id, name })),
    assistants: staff.filter((s) => s.role === "assistant").map(({ id, name }) => ({ id, name })),
    rooms: rs,
  };
}
