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
  if (row.version !== version) throw conflict("Someone else changed this appointment since you opened it. Reload to see the current booking.");
  if (row.status === "cancelled") throw conflict("This appointment has been cancelled already.");
  if (row.attendance) throw conflict("Attendance has been recorded for this appointment, so it can no longer be changed.");
  return row;
}
