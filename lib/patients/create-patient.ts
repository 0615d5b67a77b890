import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { patients } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { pgErrorCode } from "@/lib/errors";
import { checkPrimaryTherapist, MRN_TAKEN } from "./check-therapist";
import { createPatientSchema } from "./schemas";

/** Register a patient. The MRN is unique per clinic (a unique index backs the friendly check). */
export async function createPatient(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "patient:manage");
  const data = createPatientSchema.parse(input);
  const id = data.id ?? crypto.randomUUID();
  try {
    return await getDb().transaction(async (tx) => {
      const [same] = await tx.select({ id: patients.id, clinicId: patients.clinicId }).from(patients).where(eq(patients.id, id));
      if (same && same.clinicId === actor.clinicId) return { id }; // a retried submit
      const [taken] = await tx.select({ id: patients.id }).from(patients).where(and(eq(patients.clinicId, actor.clinicId), eq(patients.mrn, data.mrn)));
      if (taken) throw MRN_TAKEN;
      await checkPrimaryTherapist(tx, actor.clinicId, data.primaryTherapistId);
      const { id: _omit, ...fields } = data;
      await tx.insert(patients).values({ id, clinicId: actor.clinicId, ...fields });
      await audit(tx, actor, { action: "patient.create", entity: "patient", entityId: id, patientId: id, detail: { mrn: data.mrn } });
      return { id };
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505") throw MRN_TAKEN;
    throw err;
  }
}
