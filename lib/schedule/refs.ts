import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { patients, rooms, users } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";

/**
 * Check that the patient, staff and room of a booking are the actor's clinic's (otherwise NOT_FOUND,
 * as if they did not exist) and fit the booking: an active patient, an active therapist and assistant
 * in those roles, an active room.
 */
export async function checkBookingRefs(
  q: Queryable,
  clinicId: string,
  refs: { patientId?: string; therapistId: string; assistantId: string | null; roomId: string },
): Promise<void> {
  const staffIds = [refs.therapistId, ...(refs.assistantId ? [refs.assistantId] : [])];
  const [staff, room, patient] = await Promise.all([
    q.select({ id: users.id, role: users.role, active: users.active }).from(users).where(and(eq(users.clinicId, clinicId), inArray(users.id, staffIds))),
    q.select({ active: rooms.active }).from(rooms).where(and(eq(rooms.clinicId, clinicId), eq(rooms.id, refs.roomId))),
    refs.patientId
      ? q.select({ status: patients.status }).from(patients).where(and(eq(patients.clinicId, clinicId), eq(patients.id, refs.patientId)))
      : Promise.resolve([{ status: "active" as const }]),
  ]);
  const therapist = staff.find((s) => s.id === refs.therapistId);
  const assistant = refs.assistantId ? staff.find((s) => s.id === refs.assistantId) : null;
  if (!patient[0]) throw notFound("Patient");
  if (!therapist || (refs.assistantId && !assistant)) throw notFound("Staff member");
  if (!room[0]) throw notFound("Room");
  const fields: Record<string, string[]> = {};
  if (patient[0].status !== "active") fields.patientId = ["errors.schedule.patientDischarged"];
  if (therapist.role !== "therapist" || !therapist.active) fields.therapistId = ["errors.schedule.activeTherapist"];
  if (assistant && (assistant.role !== "assistant" || !assistant.active)) fields.assistantId = ["errors.schedule.activeAssistant"];
  if (!room[0].active) fields.roomId = ["errors.schedule.roomOutOfUse"];
  if (Object.keys(fields).length) throw new AppError("VALIDATION", { key: "errors.validation" }, fields);
}
