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
  if (pgErrorCode(err) === "42501") throw conflict("This entry has been signed and can no longer change. Add an amendment instead.");
  throw err;
}

export function statusConflict(status: string, doing: string): never {
  if (status === "signed") throw conflict(`This entry is already signed, so it cannot be ${doing}. Add an amendment instead.`);
  if (status === "returned") throw conflict(`This entry was returned to the assistant, so it cannot be ${doing} until they resubmit it.`);
  throw conflict(`This entry has not been submitted yet, so it cannot be ${doing}.`);
}
