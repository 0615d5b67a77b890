import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { writeObservation } from "./observation-content";
import { submitObservationSchema, type ObservationSaveResult } from "./schemas";

/**
 * Send the entry to the supervising therapist for signature. Idempotent: the id is made on the
 * tablet, so a retried or double-tapped submit finds the entry already submitted and answers with it.
 */
export async function submitObservation(actor: Actor, input: unknown): Promise<ObservationSaveResult> {
  assertCan(actor, "observation:submit");
  const data = submitObservationSchema.parse(input);
  return getDb().transaction((tx) => writeObservation(tx, actor, data, "submit"));
}
