import "server-only";
import { getDb } from "@/db/client";
import { goals } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { goalSchema } from "./schemas";
import { clinicPatient } from "./scope";

export async function createGoal(actor: Actor, input: unknown) {
  assertCan(actor, "care:manage");
  const data = goalSchema.parse(input);
  return getDb().transaction(async (tx) => {
    await clinicPatient(tx, actor, data.patientId);
    const [row] = await tx
      .insert(goals)
      .values({ clinicId: actor.clinicId, therapistId: actor.id, ...data })
      .returning({ id: goals.id });
    await audit(tx, actor, { action: "goal.create", entity: "goal", entityId: row!.id, patientId: data.patientId });
    return { id: row!.id };
  });
}
