import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { goals } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { endGoalSchema } from "./schemas";

/** Close a goal as met or discontinued. Goals are never deleted: their observations stay in the record. */
export async function endGoal(actor: Actor, input: unknown) {
  assertCan(actor, "care:manage");
  const data = endGoalSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [g] = await tx.select().from(goals).where(and(eq(goals.id, data.goalId), eq(goals.clinicId, actor.clinicId)));
    if (!g) throw notFound("Goal");
    if (g.status !== "active") throw conflict({ key: "errors.care.goalClosed" });
    const [row] = await tx
      .update(goals)
      .set({ status: data.outcome, endedAt: new Date(), version: sql`${goals.version} + 1` })
      .where(and(eq(goals.id, g.id), eq(goals.version, data.version)))
      .returning({ version: goals.version });
    if (!row) throw conflict({ key: "errors.care.goalStale" });
    await audit(tx, actor, { action: "goal.end", entity: "goal", entityId: g.id, patientId: g.patientId, detail: { outcome: data.outcome } });
    return row;
  });
}
