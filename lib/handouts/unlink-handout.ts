import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { handoutLinks } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { unlinkHandoutSchema } from "./schemas";

/** End a handout's link to a goal or delegation. The row stays (who linked and unlinked it, when); education
 * already recorded with the handout keeps its version. */
export async function unlinkHandout(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "handout:write");
  const data = unlinkHandoutSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(handoutLinks)
      .set({ unlinkedAt: new Date(), unlinkedBy: actor.id })
      .where(and(eq(handoutLinks.id, data.linkId), eq(handoutLinks.clinicId, actor.clinicId), isNull(handoutLinks.unlinkedAt)))
      .returning({ id: handoutLinks.id, patientId: handoutLinks.patientId, handoutId: handoutLinks.handoutId });
    if (!row) throw new AppError("NOT_FOUND", { key: "errors.notFound.handoutLink" });
    await audit(tx, actor, { action: "handout.unlink", entity: "handout_link", entityId: row.id, patientId: row.patientId, detail: { handoutId: row.handoutId } });
    return { id: row.id };
  });
}
