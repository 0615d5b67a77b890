import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { delegations, goals, handoutLinks } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { clinicPatient } from "@/lib/care/scope";
import { conflict, notFound } from "@/lib/errors";
import { linkHandoutSchema } from "./schemas";
import { clinicHandout } from "./scope";

/** Link a handout to one of a patient's active goals or delegations (from the care page). The aide then
 * finds it on the tablet for that patient, and may record it as education given. */
export async function linkHandout(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "handout:write");
  const data = linkHandoutSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const h = await clinicHandout(tx, actor, data.handoutId);
    if (h.archived) throw conflict({ key: "errors.handouts.archived" });
    await clinicPatient(tx, actor, data.patientId);
    if (data.goalId) {
      const [g] = await tx
        .select({ id: goals.id })
        .from(goals)
        .where(and(eq(goals.id, data.goalId), eq(goals.patientId, data.patientId), eq(goals.clinicId, actor.clinicId), eq(goals.status, "active")));
      if (!g) throw notFound("Active goal of this patient");
    } else {
      const [d] = await tx
        .select({ id: delegations.id })
        .from(delegations)
        .where(and(eq(delegations.id, data.delegationId!), eq(delegations.patientId, data.patientId), eq(delegations.clinicId, actor.clinicId), eq(delegations.status, "active")));
      if (!d) throw notFound("Delegation");
    }
    const [existing] = await tx
      .select({ id: handoutLinks.id })
      .from(handoutLinks)
      .where(
        and(
          eq(handoutLinks.handoutId, h.id),
          isNull(handoutLinks.unlinkedAt),
          data.goalId ? eq(handoutLinks.goalId, data.goalId) : eq(handoutLinks.delegationId, data.delegationId!),
        ),
      );
    if (existing) throw conflict({ key: "errors.handouts.alreadyLinked" });
    const [row] = await tx
      .insert(handoutLinks)
      .values({ clinicId: actor.clinicId, handoutId: h.id, patientId: data.patientId, goalId: data.goalId, delegationId: data.delegationId, linkedBy: actor.id })
      .returning({ id: handoutLinks.id });
    await audit(tx, actor, {
      action: "handout.link",
      entity: "handout_link",
      entityId: row!.id,
      patientId: data.patientId,
      detail: { handoutId: h.id, goalId: data.goalId, delegationId: data.delegationId },
    });
    return { id: row!.id };
  });
}
