import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { appointments, type Appointment } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { conflict, notFound } from "@/lib/errors";

/** The appointment an admin is changing, locked for the transaction; another clinic's is NOT_FOUND
 * and a stale version a CONFLICT. */
export async function lockAppointment(q: Queryable, actor: Actor, id: string, version: number): Promise<Appointment> {
  const [row] = await q
    .select()
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.clinicId, actor.clinicId)))
    .for("update");
  if (!row) throw notFound("Appointment");
  if (row.version !== version) throw conflict({ key: "errors.schedule.stale" });
  if (row.status === "cancelled") throw conflict({ key: "errors.schedule.alreadyCancelled" });
  if (row.attendance) throw conflict({ key: "errors.schedule.attendanceRecorded" });
  return row;
}
