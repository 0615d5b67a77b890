import "server-only";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, patients } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { dischargePatientSchema } from "./schemas";

/** Discharge instead of delete: the record is kept (retention), and future appointments are cancelled. */
export async function dischargePatient(actor: Actor, input: unknown): Promise<{ version: number; appointmentsCancelled: number }> {
  assertCan(actor, "patient:manage");
  const data = dischargePatientSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .update(patients)
      .set({ status: "discharged", dischargedAt: now, updatedAt: now, version: sql`${patients.version} + 1` })
      .where(and(eq(patients.id, data.patientId), eq(patients.clinicId, actor.clinicId), eq(patients.version, data.version), eq(patients.status, "active")))
      .returning({ version: patients.version });
    if (!row) {
      const [p] = await tx.select({ status: patients.status }).from(patients).where(and(eq(patients.id, data.patientId), eq(patients.clinicId, actor.clinicId)));
      if (!p) throw notFound("Patient");
      throw conflict({ key: p.status === "discharged" ? "errors.patients.alreadyDischarged" : "errors.patients.changed" });
    }
    const cancelled = await tx
      .update(appointments)
      .set({ status: "cancelled", cancelReason: "Patient discharged", updatedAt: now, version: sql`${appointments.version} + 1` })
      .where(and(eq(appointments.patientId, data.patientId), gt(appointments.startsAt, now), ne(appointments.status, "cancelled"), isNull(appointments.attendance)))
      .returning({ id: appointments.id });
    await audit(tx, actor, { action: "patient.discharge", entity: "patient", entityId: data.patientId, patientId: data.patientId, detail: { appointmentsCancelled: cancelled.length } });
    return { version: row.version, appointmentsCancelled: cancelled.length };
  });
}
