import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound, pgErrorCode } from "@/lib/errors";
import { checkPrimaryTherapist, MRN_TAKEN } from "./check-therapist";
import { updatePatientSchema } from "./schemas";

/** Edit a patient's demographics; a save based on an older version is refused. */
export async function updatePatient(actor: Actor, input: unknown): Promise<{ version: number }> {
  assertCan(actor, "patient:manage");
  const data = updatePatientSchema.parse(input);
  try {
    return await getDb().transaction(async (tx) => {
      const [p] = await tx.select({ version: patients.version }).from(patients).where(and(eq(patients.id, data.patientId), eq(patients.clinicId, actor.clinicId)));
      if (!p) throw notFound("Patient");
      if (p.version !== data.version) throw conflict({ key: "errors.patients.stale" });
      const [taken] = await tx
        .select({ id: patients.id })
        .from(patients)
        .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.mrn, data.mrn), ne(patients.id, data.patientId)));
      if (taken) throw MRN_TAKEN;
      await checkPrimaryTherapist(tx, actor.clinicId, data.primaryTherapistId);
      const { patientId, version, ...fields } = data;
      const [row] = await tx
        .update(patients)
        .set({ ...fields, updatedAt: new Date(), version: sql`${patients.version} + 1` })
        .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId), eq(patients.version, version)))
        .returning({ version: patients.version });
      if (!row) throw conflict({ key: "errors.patients.stale" });
      // field names only: never the values (demographics and precautions stay out of the trail)
      await audit(tx, actor, { action: "patient.update", entity: "patient", entityId: patientId, patientId, detail: { fields: Object.keys(fields) } });
      return { version: row.version };
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw MRN_TAKEN;
    throw err;
  }
}
