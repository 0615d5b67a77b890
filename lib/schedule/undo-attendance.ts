import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, auditEvents } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, conflict } from "@/lib/errors";
import { attendanceState, lockAppointmentForAttendance, type AttendanceState } from "./attendance-access";
import { undoAttendanceSchema, type AttendanceResult } from "./attendance-schemas";

const RECORD = "appointment.attendance_record";
const UNDO = "appointment.attendance_undo";

/**
 * Undo a mis-tap: put back the attendance that stood before the last recording. The previous state
 * comes from that recording's audit event (append-only, written in the same transaction), and only
 * while the appointment is still at the version that recording produced.
 */
export async function undoAttendance(actor: Actor, input: unknown): Promise<AttendanceResult> {
  assertCan(actor, "attendance:record");
  const data = undoAttendanceSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const a = await lockAppointmentForAttendance(tx, actor, data.appointmentId);
    if (a.version !== data.version) {
      throw conflict({ key: "errors.schedule.undoChanged" });
    }
    const [last] = await tx
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, a.patientId), eq(auditEvents.entity, "appointment"), eq(auditEvents.entityId, a.id), inArray(auditEvents.action, [RECORD, UNDO])))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    if (!last || last.action !== RECORD || last.detail.version !== a.version) {
      throw new AppError("CONFLICT", { key: "errors.schedule.nothingToUndo" });
    }
    const before = last.detail.before as AttendanceState;
    const [row] = await tx
      .update(appointments)
      .set({
        attendance: before.attendance,
        arrivedAt: before.arrivedAt ? new Date(before.arrivedAt) : null,
        attendanceRecordedBy: before.recordedBy,
        attendanceRecordedAt: before.recordedAt ? new Date(before.recordedAt) : null,
        updatedAt: new Date(),
        version: sql`${appointments.version} + 1`,
      })
      .where(and(eq(appointments.id, a.id), eq(appointments.version, data.version)))
      .returning({ version: appointments.version });
    if (!row) throw conflict({ key: "errors.schedule.undoChanged" });
    await audit(tx, actor, {
      action: UNDO,
      entity: "appointment",
      entityId: a.id,
      patientId: a.patientId,
      detail: { before: attendanceState(a), after: before, version: row.version },
    });
    return { appointmentId: a.id, attendance: before.attendance, arrivedAt: before.arrivedAt, recordedAt: before.recordedAt, version: row.version };
  });
}
