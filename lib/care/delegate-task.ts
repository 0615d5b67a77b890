import "server-only";
import { and, eq, gte, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { competencies, delegations, goals } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { actorLocale } from "@/lib/i18n/actor-locale";
import { translatorFor } from "@/lib/i18n/translate";
import { delegationSchema } from "./schemas";
import { clinicPatient, supervisedAssistant } from "./scope";
import type { TaskType } from "./task-types";

/** Delegate a task for a patient to a supervised assistant (DESIGN rules 1–2): only with a current
 * competency for that task type on the delegation's start date. */
export async function delegateTask(actor: Actor, input: unknown) {
  assertCan(actor, "care:manage");
  const data = delegationSchema.parse(input);
  return getDb().transaction(async (tx) => {
    await clinicPatient(tx, actor, data.patientId);
    const assistant = await supervisedAssistant(tx, actor, data.assistantId);
    if (data.goalId) {
      const [g] = await tx
        .select({ id: goals.id })
        .from(goals)
        .where(and(eq(goals.id, data.goalId), eq(goals.patientId, data.patientId), eq(goals.status, "active")));
      if (!g) throw notFound("Active goal of this patient");
    }
    const [competent] = await tx
      .select({ id: competencies.id })
      .from(competencies)
      .where(
        and(
          eq(competencies.assistantId, assistant.id),
          eq(competencies.taskType, data.taskType),
          isNull(competencies.revokedAt),
          or(isNull(competencies.expiresOn), gte(competencies.expiresOn, data.startsOn)),
        ),
      );
    if (!competent) {
      const t = translatorFor(await actorLocale(actor));
      throw new AppError("CONFLICT", { key: "errors.care.noCompetency", values: { name: assistant.name, task: t(`taskTypes.${data.taskType as TaskType}`) } });
    }
    const [row] = await tx
      .insert(delegations)
      .values({ clinicId: actor.clinicId, therapistId: actor.id, ...data })
      .returning({ id: delegations.id });
    await audit(tx, actor, {
      action: "delegation.create",
      entity: "delegation",
      entityId: row!.id,
      patientId: data.patientId,
      detail: { assistantId: assistant.id, taskType: data.taskType },
    });
    return { id: row!.id };
  });
}
