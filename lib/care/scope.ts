import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { patients, supervisions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";

/** A patient of the therapist's clinic, or NOT_FOUND. */
export async function clinicPatient(q: Queryable, actor: Actor, patientId: string) {
  const [p] = await q
    .select({ id: patients.id, primaryTherapistId: patients.primaryTherapistId })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
  if (!p) throw notFound("Patient");
  return p;
}

/** An active assistant this therapist supervises, or NOT_FOUND (another clinic's or someone else's). */
export async function supervisedAssistant(q: Queryable, actor: Actor, assistantId: string) {
  const [a] = await q
    .select({ id: users.id, name: users.name, title: users.title })
    .from(users)
    .innerJoin(supervisions, and(eq(supervisions.assistantId, users.id), eq(supervisions.therapistId, actor.id)))
    .where(and(eq(users.id, assistantId), eq(users.clinicId, actor.clinicId), eq(users.role, "assistant"), eq(users.active, true)));
  if (!a) throw notFound("Assistant you supervise");
  return a;
}
