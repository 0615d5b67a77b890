import "server-only";
import { getDb } from "@/db/client";
import { handouts, handoutVersions } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { createHandoutSchema } from "./schemas";

/** A therapist writes a handout: the handout and its version 1, in English and Spanish. */
export async function createHandout(actor: Actor, input: unknown): Promise<{ id: string; version: number }> {
  assertCan(actor, "handout:write");
  const data = createHandoutSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [h] = await tx.insert(handouts).values({ clinicId: actor.clinicId, discipline: data.discipline, createdBy: actor.id }).returning({ id: handouts.id });
    const [v] = await tx
      .insert(handoutVersions)
      .values({ clinicId: actor.clinicId, handoutId: h!.id, version: 1, content: data.content, createdBy: actor.id })
      .returning({ id: handoutVersions.id });
    await audit(tx, actor, { action: "handout.create", entity: "handout", entityId: h!.id, detail: { version: 1, versionId: v!.id } });
    return { id: h!.id, version: 1 };
  });
}
