import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseloads, patients, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { caseloadSchema } from "./schemas";

/** Put a patient on an assistant's caseload (what the assistant may see, rule 8), or take them off. */
export async function setCaseload(actor: Actor, input: unknown): Promise<{ changed: boolean }> {
  assertCan(actor, "caseload:manage");
  const data = caseloadSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [[a], [p]] = await Promise.all([
      tx.select({ role: users.role, active: users.active }).from(users).where(and(eq(users.id, data.assistantId), eq(users.clinicId, actor.clinicId))),
      tx.select({ id: patients.id }).from(patients).where(and(eq(patients.id, data.patientId), eq(patients.clinicId, actor.clinicId))),
    ]);
    if (!a) throw notFound("Staff member");
    if (!p) throw notFound("Patient");
    if (a.role !== "assistant") throw new AppError("VALIDATION", { key: "errors.users.caseloadAssistantsOnly" });
    const changed = data.assign
      ? (await tx.insert(caseloads).values({ clinicId: actor.clinicId, assistantId: data.assistantId, patientId: data.patientId }).onConflictDoNothing().returning()).length > 0
      : (await tx.delete(caseloads).where(and(eq(caseloads.assistantId, data.assistantId), eq(caseloads.patientId, data.patientId))).returning()).length > 0;
    if (changed) {
      await audit(tx, actor, {
        action: data.assign ? "caseload.assign" : "caseload.remove",
        entity: "patient",
        entityId: data.patientId,
        patientId: data.patientId,
        detail: { assistantId: data.assistantId },
      });
    }
    return { changed };
  });
}
