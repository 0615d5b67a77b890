import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { concerns } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { acknowledgeSchema } from "./schemas";

export async function acknowledgeConcern(actor: Actor, input: unknown) {
  assertCan(actor, "concern:acknowledge");
  const data = acknowledgeSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [c] = await tx
      .select({ id: concerns.id, status: concerns.status, patientId: concerns.patientId })
      .from(concerns)
      .where(and(eq(concerns.id, data.id), eq(concerns.clinicId, actor.clinicId), eq(concerns.therapistId, actor.id)));
    if (!c) throw notFound("Concern");
    if (c.status === "acknowledged") throw conflict({ key: "errors.reports.concernAcknowledged" });
    const [row] = await tx
      .update(concerns)
      .set({ status: "acknowledged", acknowledgedAt: new Date(), acknowledgedBy: actor.id, comment: data.comment, version: sql`${concerns.version} + 1` })
      .where(and(eq(concerns.id, c.id), eq(concerns.version, data.version)))
      .returning({ version: concerns.version });
    if (!row) throw conflict({ key: "errors.reports.concernStale" });
    await audit(tx, actor, { action: "concern.acknowledge", entity: "concern", entityId: c.id, patientId: c.patientId });
    return row;
  });
}
