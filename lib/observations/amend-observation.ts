import "server-only";
import { getDb } from "@/db/client";
import { amendments } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { amendObservationSchema } from "./review-schemas";
import { loadForReview } from "./review-scope";

/** Correct a signed entry without changing it (DESIGN rule 4): a dated amendment shown with the original. */
export async function amendObservation(actor: Actor, input: unknown) {
  assertCan(actor, "observation:amend");
  const data = amendObservationSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const entry = await loadForReview(tx, actor, data.observationId);
    if (entry.status !== "signed") throw conflict({ key: "errors.observations.amendOnlySigned" });
    const [row] = await tx
      .insert(amendments)
      .values({
        observationId: entry.id,
        authorId: actor.id,
        authorLabel: actor.title ? `${actor.name}, ${actor.title}` : actor.name,
        reason: data.reason,
        text: data.text,
      })
      .returning({ id: amendments.id, at: amendments.at });
    await audit(tx, actor, { action: "observation.amend", entity: "observation", entityId: entry.id, patientId: entry.patientId, detail: { amendmentId: row!.id } });
    return { id: row!.id };
  });
}
