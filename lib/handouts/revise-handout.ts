import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { handouts, handoutVersions } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { reviseHandoutSchema } from "./schemas";
import { clinicHandout } from "./scope";

/** Editing publishes a new version; the old ones stay as they were (education records point at them).
 * `version` is the version the edit started from: a newer one published meanwhile is a CONFLICT. */
export async function reviseHandout(actor: Actor, input: unknown): Promise<{ id: string; version: number }> {
  assertCan(actor, "handout:write");
  const data = reviseHandoutSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const h = await clinicHandout(tx, actor, data.handoutId, { lock: true });
    if (h.archived) throw conflict({ key: "errors.handouts.archived" });
    if (h.currentVersion !== data.version) throw conflict({ key: "errors.handouts.stale", values: { version: h.currentVersion } });
    const next = h.currentVersion + 1;
    const [v] = await tx
      .insert(handoutVersions)
      .values({ clinicId: actor.clinicId, handoutId: h.id, version: next, content: data.content, createdBy: actor.id })
      .returning({ id: handoutVersions.id });
    await tx
      .update(handouts)
      .set({ currentVersion: next, discipline: data.discipline, updatedAt: new Date() })
      .where(and(eq(handouts.id, h.id), eq(handouts.currentVersion, h.currentVersion)));
    await audit(tx, actor, { action: "handout.revise", entity: "handout", entityId: h.id, detail: { version: next, versionId: v!.id } });
    return { id: h.id, version: next };
  });
}
