import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, observations } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, conflict } from "@/lib/errors";
import { clinicDate, zonedToUtc } from "@/lib/time";
import { attendanceState, lockAppointmentForAttendance } from "./attendance-access";
import { recordAttendanceSchema, type AttendanceResult } from "./attendance-schemas";

/**
 * One tap on Today: present, late (with arrival time), no-show or cancelled. Version-checked, so a tap
 * on a screen that is out of date is refused rather than overwriting someone else's record; the audit
 * event keeps the state before, which is what an undo restores.
 */
export async function recordAttendance(actor: Actor, input: unknown): Promise<AttendanceResult> {
  assertCan(actor, "attendance:record");
  const data = recordAttendanceSchema.parse(input);
  const now = new Date();
  return getDb().transaction(async (tx) => {
    const a = await lockAppointmentForAttendance(tx, actor, data.appointmentId);
    if (a.version !== data.version) {
      throw conflict({ key: "errors.schedule.attendanceChanged" });
    }
    if (data.attendance === "no_show" || data.attendance === "cancelled") {
      const [entry] = await tx
        .select({ status: observations.status })
        .from(observations)
        .where(and(eq(observations.appointmentId, a.id), inArray(observations.status, ["submitted", "signed"])));
      if (entry) {
        throw conflict({ key: "errors.schedule.entryAlready", values: { status: entry.status, mark: data.attendance } });
      }
    }
    let arrivedAt: Date | null = null;
    if (data.attendance === "present") arrivedAt = now < a.startsAt ? now : a.startsAt;
    if (data.attendance === "late") {
      arrivedAt = data.arrivalTime ? zonedToUtc(clinicDate(a.startsAt, actor.clinic.timeZone), data.arrivalTime, actor.clinic.timeZone) : now;
      if (arrivedAt.getTime() > now.getTime() + 60_000) {
        throw new AppError("VALIDATION", { key: "errors.schedule.arrivalFuture" }, { arrivalTime: ["errors.schedule.arrivalFuture"] });
      }
    }
    const [row] = await tx
      .update(appointments)
      .set({
        attendance: data.attendance,
        arrivedAt,
        attendanceRecordedBy: actor.id,
        attendanceRecordedAt: now,
        updatedAt: now,
        version: sql`${appointments.version} + 1`,
      })
      .where(and(eq(appointments.id, a.id), eq(appointments.version, data.version)))
      .returning({ version: appointments.version });
    if (!row) throw conflict({ key: "errors.schedule.attendanceChanged" });
    const after = { attendance: data.attendance, arrivedAt: arrivedAt?.toISOString() ?? null, recordedBy: actor.id, recordedAt: now.toISOString() };
    await audit(tx, actor, {
      action: "appointment.attendance_record",
      entity: "appointment",
      entityId: a.id,
      patientId: a.patientId,
      detail: { before: attendanceState(a), after, version: row.version },
    });
    return { appointmentId: a.id, attendance: data.attendance, arrivedAt: after.arrivedAt, recordedAt: after.recordedAt, version: row.version };
  });
}
