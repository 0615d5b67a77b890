import "server-only";
import { and, eq, exists, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointments, caseloads } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";
import { clinicDate, clinicToday } from "@/lib/time";

/**
 * The appointment an attendance verb acts on, locked for the transaction. Another clinic's
 * appointment, or (for an assistant) one whose patient is off their caseload, is not found; within
 * scope only the assigned assistant or the appointment's therapist may record attendance.
 */
export async function lockAppointmentForAttendance(tx: Tx, actor: Actor, appointmentId: string) {
  const scope =
    actor.role === "assistant"
      ? exists(
          tx
            .select({ one: sql`1` })
            .from(caseloads)
            .where(and(eq(caseloads.patientId, appointments.patientId), eq(caseloads.assistantId, actor.id))),
        )
      : undefined;
  const [a] = await tx
    .select({
      id: appointments.id,
      patientId: appointments.patientId,
      therapistId: appointments.therapistId,
      assistantId: appointments.assistantId,
      startsAt: appointments.startsAt,
      status: appointments.status,
      attendance: appointments.attendance,
      arrivedAt: appointments.arrivedAt,
      attendanceRecordedBy: appointments.attendanceRecordedBy,
      attendanceRecordedAt: appointments.attendanceRecordedAt,
      version: appointments.version,
    })
    .from(appointments)
    .where(and(eq(appointments.id, appointmentId), eq(appointments.clinicId, actor.clinicId), scope))
    .for("update");
  if (!a) throw notFound("Appointment");
  const mine = actor.role === "assistant" ? a.assistantId === actor.id : a.therapistId === actor.id;
  if (!mine) {
    throw new AppError(
      "FORBIDDEN",
      { key: actor.role === "assistant" ? "errors.schedule.notYoursAssistant" : "errors.schedule.notYoursTherapist" },
    );
  }
  if (a.status === "cancelled") {
    throw new AppError("CONFLICT", { key: "errors.schedule.cancelledByClinic" });
  }
  const tz = actor.clinic.timeZone;
  if (clinicDate(a.startsAt, tz) > clinicToday(tz)) {
    throw new AppError("VALIDATION", { key: "errors.schedule.tooEarly" });
  }
  return a;
}

export type LockedAppointment = Awaited<ReturnType<typeof lockAppointmentForAttendance>>;

/** What an attendance event stores as before/after, so an undo can restore it exactly. */
export function attendanceState(a: Pick<LockedAppointment, "attendance" | "arrivedAt" | "attendanceRecordedBy" | "attendanceRecordedAt">) {
  return {
    attendance: a.attendance,
    arrivedAt: a.arrivedAt?.toISOString() ?? null,
    recordedBy: a.attendanceRecordedBy,
    recordedAt: a.attendanceRecordedAt?.toISOString() ?? null,
  };
}
export type AttendanceState = ReturnType<typeof attendanceState>;
