import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { educationGiven, goalObservations, observations, taskCompletions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { ObservationFormValues } from "@/lib/observations/schemas";
import type { WsObservation } from "./protocol";

type Goal = ObservationFormValues["goals"][number];

/**
 * The aide's own entries for the working set's appointments, with their content as the form holds it
 * (what was saved: tasks and goals not touched yet are absent; the form adds them from the
 * delegations). Four queries whatever the number of entries.
 */
export async function observationsPart(actor: Actor, appointmentIds: string[]): Promise<WsObservation[]> {
  assertCan(actor, "observation:write");
  if (!appointmentIds.length) return [];
  const db = getDb();
  const obs = await db
    .select()
    .from(observations)
    .where(and(eq(observations.clinicId, actor.clinicId), eq(observations.capturedBy, actor.id), inArray(observations.appointmentId, appointmentIds)));
  if (!obs.length) return [];
  const ids = obs.map((o) => o.id);
  const [tasks, goalRows, education] = await Promise.all([
    db.select().from(taskCompletions).where(inArray(taskCompletions.observationId, ids)),
    db.select().from(goalObservations).where(inArray(goalObservations.observationId, ids)),
    db.select().from(educationGiven).where(inArray(educationGiven.observationId, ids)).orderBy(asc(educationGiven.position)),
  ]);
  return obs.map((o) => ({
    id: o.id,
    appointmentId: o.appointmentId,
    status: o.status,
    version: o.version,
    updatedAt: o.updatedAt.toISOString(),
    submittedAt: o.submittedAt?.toISOString() ?? null,
    returnComment: o.returnComment,
    returnedAt: o.returnedAt?.toISOString() ?? null,
    values: {
      tasks: tasks.filter((t) => t.observationId === o.id).map((t) => ({ delegationId: t.delegationId, done: t.done, note: t.note })),
      goals: goalRows
        .filter((g) => g.observationId === o.id)
        .map((g) => ({ goalId: g.goalId, value: g.value == null ? "" : String(g.value), assistLevel: (g.assistLevel ?? "") as Goal["assistLevel"] })),
      attitude: o.attitude,
      attitudeTags: o.attitudeTags as ObservationFormValues["attitudeTags"],
      accomplishments: o.accomplishments,
      comfortAndNeeds: o.comfortAndNeeds,
      note: o.note,
      education: education
        .filter((e) => e.observationId === o.id)
        .map((e) => ({ topic: e.topic, audience: e.audience, method: e.method, understanding: e.understanding, language: e.language, handoutVersionId: e.handoutVersionId })),
    },
  }));
}
