import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { handouts } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { archiveHandoutSchema } from "./schemas";
import { clinicHandout } from "./scope";

/** Archive (or restore) a handout: it leaves the list and cannot be linked anew; its versions, links and the
 * education records that used it stay. */
export async function archiveHandout(actor: Actor, input: unknown): Promise<{ id: string; archived: boolean }> {
  assertCan(actor, "handout:write");
  const data = archiveHandoutSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const h = await clinicHandout(tx, actor, data.handoutId, { lock: true });
    await tx.update(handouts).set({ archived: data.archived, updatedAt: new Date() }).where(eq(handouts.id, h.id));
    await audit(tx, actor, { action: data.archived ? "handout.archive" : "handout.restore", entity: "handout", entityId: h.id });
    return { id: h.id, archived: data.archived };
  });
}
