import "server-only";
import { and, eq, gt, inArray, lt, ne, notInArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "@/db/client";
import { appointments, patients, rooms, users } from "@/db/schema";
import { AppError, pgErrorCode } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/server";
import { formatClinicTimeRange } from "@/lib/time";

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

/** `message` is in the reader's language (it is shown as it is: a series' conflicts list, a refusal). */
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

/** The AppError for a single booking refused by the database (a race the pre-check did not see). */
export function exclusionError(reason: ConflictReason): AppError {
  return new AppError("CONFLICT", { key: `errors.schedule.exclusion.${reason}` });
}

/**
 * Every scheduled appointment that overlaps any candidate on room, therapist, assistant or patient, in
 * one query. This is the friendly pre-check; the exclusion constraints remain the guarantee.
 */
export async function findConflicts(
  q: Queryable,
  clinicId: string,
  candidates: Candidate[],
  tz: string,
  ignoreIds: string[] = [],
  locale = "en",
): Promise<Conflict[]> {
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
  const t = translatorFor(locale);
  for (const c of candidates) {
    for (const e of existing) {
      if (!(e.startsAt < c.endsAt && e.endsAt > c.startsAt)) continue;
      const time = formatClinicTimeRange(e.startsAt, e.endsAt, tz, locale);
      if (e.roomId === c.roomId) out.push({ date: c.date, reason: "room", message: t("errors.schedule.roomBooked", { room: e.roomName, time }) });
      if (e.therapistId === c.therapistId) out.push({ date: c.date, reason: "therapist", message: t("errors.schedule.therapistBusy", { name: e.therapistName, time }) });
      if (c.assistantId && e.assistantId === c.assistantId)
        out.push({ date: c.date, reason: "assistant", message: t("errors.schedule.assistantBusy", { name: e.assistantName ?? "", time }) });
      if (e.patientId === c.patientId) out.push({ date: c.date, reason: "patient", message: t("errors.schedule.patientBusy", { name: e.patientName, time }) });
    }
  }
  return out;
}

/** The refusal of a single booking, naming what is busy (the details are already in the reader's language). */
export function conflictError(conflicts: Conflict[]): AppError {
  return new AppError("CONFLICT", { key: "errors.schedule.clash", values: { details: conflicts.map((c) => c.message).join(" ") } });
}
