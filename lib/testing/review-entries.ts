import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, observations, users } from "@/db/schema";

/** Test helper: an assistant's entry awaiting signature, on a past appointment that has none yet. */
export async function insertSubmittedEntry(assistantEmail: string, therapistEmail: string) {
  const db = getDb();
  const [a] = await db.select().from(users).where(eq(users.email, assistantEmail));
  const [t] = await db.select().from(users).where(eq(users.email, therapistEmail));
  const [appt] = await db
    .select({ id: appointments.id, patientId: appointments.patientId, clinicId: appointments.clinicId })
    .from(appointments)
    .leftJoin(observations, eq(observations.appointmentId, appointments.id))
    .where(and(eq(appointments.assistantId, a!.id), eq(appointments.therapistId, t!.id), lt(appointments.startsAt, new Date()), isNull(observations.id)))
    .orderBy(asc(appointments.startsAt))
    .limit(1);
  if (!appt) throw new Error("no free appointment");
  const id = randomUUID();
  await db.insert(observations).values({
    id,
    clinicId: appt.clinicId,
    appointmentId: appt.id,
    patientId: appt.patientId,
    capturedBy: a!.id,
    capturedByLabel: `${a!.name}, ${a!.title}, assistant`,
    supervisingTherapistId: t!.id,
    attitude: 4,
    status: "submitted",
    submittedAt: new Date(),
  });
  return { id, patientId: appt.patientId };
}
