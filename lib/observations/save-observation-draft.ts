import "server-only";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { writeObservation } from "./observation-content";
import { saveObservationDraftSchema, type ObservationSaveResult } from "./schemas";

/** Autosave: an upsert by the tablet-made id, refused as a conflict when based on a stale version. */
export async function saveObservationDraft(actor: Actor, input: unknown): Promise<ObservationSaveResult> {
  assertCan(actor, "observation:write");
  const data = saveObservationDraftSchema.parse(input);
  return getDb().transaction((tx) => writeObservation(tx, actor, data, "draft"));
}
