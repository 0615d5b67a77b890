import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { precautionsSchema } from "./schemas";

/** Replace a patient's precautions (the therapist's call; admins never see them). Version-checked. */
export async function setPrecautions(actor: Actor, input: unknown): Promise<{ version: number }> {
  assertCan(actor, "care:manage");
  const data = precautionsSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(patients)
      .set({ precautions: data.precautions, updatedAt: new Date(), version: sql`${patients.version} + 1` })
      .where(and(eq(patients.id, data.patientId), eq(patients.clinicId, actor.clinicId), eq(patients.version, data.version)))
      .returning({ version: patients.version });
    if (!row) {
      const [p] = await tx.select({ id: patients.id }).from(patients).where(and(eq(patients.id, data.patientId), eq(patients.clinicId, actor.clinicId)));
      if (!p) throw notFound("Patient");
      throw conflict({ key: "errors.care.precautionsStale" });
    }
    // the count only: precautions stay out of the trail
    await audit(tx, actor, { action: "patient.precautions", entity: "patient", entityId: data.patientId, patientId: data.patientId, detail: { count: data.precautions.length } });
    return row;
  });
}
