import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { competencies } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { clinicToday } from "@/lib/time";
import { AppError } from "@/lib/errors";
import { competencySchema } from "./schemas";
import { supervisedAssistant } from "./scope";

/** Record that a supervised assistant is competent at a task type (DESIGN rule 2). A new record replaces
 * the current one (kept, marked revoked), so the history of who verified what stays. */
export async function recordCompetency(actor: Actor, input: unknown) {
  assertCan(actor, "care:manage");
  const data = competencySchema.parse(input);
  if (data.verifiedOn > clinicToday(actor.clinic.timeZone)) {
    throw new AppError("VALIDATION", { key: "errors.validation" }, { verifiedOn: ["errors.care.verifiedFuture"] });
  }
  if (data.expiresOn && data.expiresOn <= data.verifiedOn) {
    throw new AppError("VALIDATION", { key: "errors.validation" }, { expiresOn: ["errors.care.expiryBeforeVerified"] });
  }
  return getDb().transaction(async (tx) => {
    const assistant = await supervisedAssistant(tx, actor, data.assistantId);
    const now = new Date();
    const replaced = await tx
      .update(competencies)
      .set({ revokedAt: now })
      .where(and(eq(competencies.assistantId, assistant.id), eq(competencies.taskType, data.taskType), isNull(competencies.revokedAt)))
      .returning({ id: competencies.id });
    const [row] = await tx
      .insert(competencies)
      .values({
        clinicId: actor.clinicId,
        assistantId: assistant.id,
        taskType: data.taskType,
        verifiedBy: actor.id,
        verifiedAt: new Date(`${data.verifiedOn}T12:00:00Z`),
        expiresOn: data.expiresOn,
        note: data.note || null,
      })
      .returning({ id: competencies.id });
    await audit(tx, actor, {
      action: "competency.record",
      entity: "competency",
      entityId: row!.id,
      detail: { assistantId: assistant.id, taskType: data.taskType, replaced: replaced.map((r) => r.id) },
    });
    return { id: row!.id };
  });
}
