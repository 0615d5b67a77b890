import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { observations } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { returnObservationSchema } from "./review-schemas";
import { loadForReview, mapSignedEntryError, statusConflict } from "./review-scope";

/** Send an entry back to the assistant with a comment; it reappears on their Today as returned. */
export async function returnObservation(actor: Actor, input: unknown) {
  assertCan(actor, "observation:return");
  const data = returnObservationSchema.parse(input);
  return getDb()
    .transaction(async (tx) => {
      const entry = await loadForReview(tx, actor, data.observationId);
      if (entry.status !== "submitted") statusConflict(entry.status, "returned");
      const now = new Date();
      const [row] = await tx
        .update(observations)
        .set({ status: "returned", returnedAt: now, returnedBy: actor.id, returnComment: data.comment, updatedAt: now, version: sql`${observations.version} + 1` })
        .where(and(eq(observations.id, entry.id), eq(observations.status, "submitted"), eq(observations.version, data.version)))
        .returning({ version: observations.version });
      if (!row) throw conflict({ key: "errors.observations.assistantChanged" });
      await audit(tx, actor, { action: "observation.return", entity: "observation", entityId: entry.id, patientId: entry.patientId, detail: { version: row.version } });
      return { id: entry.id, version: row.version };
    })
    .catch(mapSignedEntryError);
}
