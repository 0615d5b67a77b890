import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { delegations } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { endDelegationSchema } from "./schemas";

export async function endDelegation(actor: Actor, input: unknown) {
  assertCan(actor, "care:manage");
  const data = endDelegationSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [d] = await tx
      .select()
      .from(delegations)
      .where(and(eq(delegations.id, data.delegationId), eq(delegations.clinicId, actor.clinicId)));
    if (!d) throw notFound("Delegation");
    if (d.status !== "active") throw conflict({ key: "errors.care.delegationEnded" });
    const [row] = await tx
      .update(delegations)
      .set({ status: "ended", endedAt: new Date(), version: sql`${delegations.version} + 1` })
      .where(and(eq(delegations.id, d.id), eq(delegations.version, data.version)))
      .returning({ version: delegations.version });
    if (!row) throw conflict({ key: "errors.care.delegationStale" });
    await audit(tx, actor, { action: "delegation.end", entity: "delegation", entityId: d.id, patientId: d.patientId });
    return row;
  });
}
