import "server-only";
import { and, eq, gt, inArray, lt, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { appointments, patients, rooms, users } from "@/db/schema";
import { AppError, pgErrorCode } from "@/lib/errors";
import { clinicTime } from "@/lib/time";

export type ConflictReason = "room" | "therapist" | "assistant" | "patient";

export type Candidate = {
  date: string;
  startsAt: Date;
  endsAt: Date;
  patientId: string;
  therapistId: string;
  assistantId: string | null;
  roomId: string;
};

export type Conflict = { date: string; reason: ConflictReason; message: string };

const CONSTRAINT_REASON: Record<string, ConflictReason> = {
  appointments_no_room_overlap: "room",
  appointments_no_therapist_overlap: "therapist",
  appointments_no_assistant_overlap: "assistant",
  appointments_no_patient_overlap: "patient",
};

/** Which double booking an exclusion violation (SQLSTATE 23P01) was, or null for any other error. */
export function exclusionReason(err: unknown): ConflictReason | null {
  if (pgErrorCode(err) !== "23P01") return null;
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const o = e as { constraint_name?: unknown; constraint?: unknown; cause?: unknown };
    const name = typeof o.constraint_name === "string" ? o.constraint_name : typeof o.constraint === "string" ? o.constraint : null;
    if (name && CONSTRAINT_REASON[name]) return CONSTRAINT_REASON[name];
    e = o.cause;
  }
  return "room";
}

export const REASON_TEXT: Record<ConflictReason, string> = {
  room: "The room is already booked at that time.",
  therapist:
    "The therapist already has an appointment at that time. A therapist supervises one aide-assisted appointment at a time, so overlapping bookings are refused.",
  assistant: "The assistant already has an appointment at that time.",
  patient: "The patient already has an appointment at that time.",
};

/** The AppError for a single booking refused by the database (a race the pre-check did not see). */
export function exclusionError(reason: ConflictReason): AppError {
  return new AppError("CONFLICT", `${REASON_TEXT[reason]} Nothing was saved.`);
}

/**
 * Every scheduled appointment that overlaps any candidate on room, therapist, assistant or patient, in
 * one query. This is the friendly pre-check; the exclusion constraints remain the guarantee.
 */
export async function findConflicts(q: Queryable, clinicId: string, candidates: Candidate[], tz: string, ignoreIds: string[] = []): Promise<Conflict[]> {
  if (!candidates.length) return [];
  const minStart = new Date(Math.min(...candidates.map((c) => c.startsAt.getTime())));
  const maxEnd = new Date(Math.max(...candidates.map((c) => c.endsAt.getTime())));
  const ids = (f: (c: Candidate) => string | null) => [...new Set(candidates.map(f).filter((x): x is string => !!x))];
  const therapist = alias(users, "therapist");
  const assistant = alias(users, "assistant");
  const who: SQL[] = [
    inArray(appointments.roomId, ids((c) => c.roomId)),
    inArray(appointments.therapistId, ids((c) => c.therapistId)),
    inArray(appointments.patientId, ids((c) => c.patientId)),
  ];
  const assistants = ids((c) => c.assistantId);
  if (assistants.length) who.push(inArray(appointments.assistantId, assistants));
  const existing = await q
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      roomId: appointments.roomId,
      therapistId: appointments.therapistId,
      assistantId: appointments.assistantId,
      patientId: appointments.patientId,
      roomName: rooms.name,
      therapistName: therapist.name,
      assistantName: assistant.name,
      patientName: sql<string>`coalesce(${patients.preferredName}, ${patients.firstName}) || ' ' || ${patients.lastName}`,
    })
    .from(appointments)
    .innerJoin(rooms, eq(rooms.id, appointments.roomId))
    .innerJoin(therapist, eq(therapist.id, appointments.therapistId))
    .leftJoin(assistant, eq(assistant.id, appointments.assistantId))
    .innerJoin(patients, eq(patients.id, appointments.patientId))
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        ne(appointments.status, "cancelled"),
        lt(appointments.startsAt, maxEnd),
        gt(appointments.endsAt, minStart),
        or(...who),
        ignoreIds.length ? notInArray(appointments.id, ignoreIds) : undefined,
      ),
    );
  const out: Conflict[] = [];
  for (const c of candidates) {
    for (const e of existing) {
      if (!(e.startsAt < c.endsAt && e.endsAt > c.startsAt)) continue;
      const when = `${clinicTime(e.startsAt, tz)}–${clinicTime(e.endsAt, tz)}`;
      if (e.roomId === c.roomId) out.push({ date: c.date, reason: "room", message: `${e.roomName} is booked ${when}.` });
      if (e.therapistId === c.therapistId)
        out.push({ date: c.date, reason: "therapist", message: `${e.therapistName} is busy ${when} (one aide-assisted appointment per therapist at a time).` });
      if (c.assistantId && e.assistantId === c.assistantId) out.push({ date: c.date, reason: "assistant", message: `${e.assistantName} is busy ${when}.` });
      if (e.patientId === c.patientId) out.push({ date: c.date, reason: "patient", message: `${e.patientName} already has an appointment ${when}.` });
    }
  }
  return out;
}

/** One line for a single booking's conflicts, naming what is busy. */
export function conflictMessage(conflicts: Conflict[]): string {
  return `This time clashes: ${conflicts.map((c) => c.message).join(" ")} Nothing was saved.`;
}
