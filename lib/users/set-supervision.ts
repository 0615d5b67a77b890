import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { supervisions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { supervisionSchema } from "./schemas";

/** Assign an assistant to a supervising therapist, or remove that assignment. Idempotent. */
export async function setSupervision(actor: Actor, input: unknown): Promise<{ changed: boolean }> {
  assertCan(actor, "caseload:manage");
  const data = supervisionSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const people = await tx
      .select({ id: users.id, role: users.role })
      .from(users)
      .where(and(eq(users.clinicId, actor.clinicId), inArray(users.id, [data.assistantId, data.therapistId])));
    const a = people.find((p) => p.id === data.assistantId);
    const t = people.find((p) => p.id === data.therapistId);
    if (!a || !t) throw notFound("Staff member");
    if (a.role !== "assistant" || t.role !== "therapist") throw new AppError("VALIDATION", { key: "errors.users.supervisionPair" });
    const which = and(eq(supervisions.assistantId, a.id), eq(supervisions.therapistId, t.id));
    const changed = data.assign
      ? (await tx.insert(supervisions).values({ clinicId: actor.clinicId, assistantId: a.id, therapistId: t.id }).onConflictDoNothing().returning()).length > 0
      : (await tx.delete(supervisions).where(which).returning()).length > 0;
    if (changed) {
      await audit(tx, actor, {
        action: data.assign ? "supervision.assign" : "supervision.remove",
        entity: "user",
        entityId: a.id,
        detail: { assistantId: a.id, therapistId: t.id },
      });
    }
    return { changed };
  });
}
