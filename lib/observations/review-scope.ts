import "server-only";
import { and, eq, exists, sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { observations, supervisions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { conflict, notFound, pgErrorCode } from "@/lib/errors";

/** Entries this therapist acts on: their clinic, addressed to them, by an assistant they supervise. */
export function reviewScope(actor: Actor): SQL {
  return and(
    eq(observations.clinicId, actor.clinicId),
    eq(observations.supervisingTherapistId, actor.id),
    exists(
      getDb()
        .select({ one: sql`1` })
        .from(supervisions)
        .where(and(eq(supervisions.assistantId, observations.capturedBy), eq(supervisions.therapistId, actor.id))),
    ),
  )!;
}

export async function loadForReview(q: Queryable, actor: Actor, observationId: string) {
  const [row] = await q
    .select()
    .from(observations)
    .where(and(eq(observations.id, observationId), reviewScope(actor)));
  if (!row) throw notFound("Entry");
  return row;
}

/** The database refuses changes to a signed entry (trigger, SQLSTATE 42501): say so plainly. */
export function mapSignedEntryError(err: unknown): never {
  if (pgErrorCode(err) === "42501") throw conflict({ key: "errors.observations.signedNoChange" });
  throw err;
}

export function statusConflict(status: string, doing: "returned" | "signed"): never {
  if (status === "signed") throw conflict({ key: "errors.observations.alreadySigned", values: { doing } });
  if (status === "returned") throw conflict({ key: "errors.observations.returned", values: { doing } });
  throw conflict({ key: "errors.observations.notSubmitted", values: { doing } });
}
