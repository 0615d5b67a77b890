import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, concerns, patients } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { patientScope } from "@/lib/patients/queries";
import { concernSchema } from "./schemas";

/** An urgent concern in one tap. It goes to the therapist supervising this session (the appointment's
 * therapist) or else the patient's primary therapist. The id comes from the tablet: a retried or
 * double-tapped raise makes one concern. */
export async function raiseConcern(actor: Actor, input: unknown) {
  assertCan(actor, "concern:raise");
  const data = concernSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [p] = await tx
      .select({ id: patients.id, primaryTherapistId: patients.primaryTherapistId })
      .from(patients)
      .where(and(eq(patients.id, data.patientId), patientScope(actor)));
    if (!p) throw notFound("Patient");
    let therapistId = p.primaryTherapistId;
    if (data.appointmentId) {
      const [a] = await tx
        .select({ therapistId: appointments.therapistId })
        .from(appointments)
        .where(and(eq(appointments.id, data.appointmentId), eq(appointments.patientId, p.id), eq(appointments.clinicId, actor.clinicId)));
      if (!a) throw notFound("Appointment");
      therapistId = a.therapistId;
    }
    if (!therapistId) throw new AppError("CONFLICT", { key: "errors.reports.noTherapistConcern" });
    const inserted = await tx
      .insert(concerns)
      .values({ id: data.id, clinicId: actor.clinicId, patientId: p.id, appointmentId: data.appointmentId, raisedBy: actor.id, therapistId, kind: data.kind, text: data.text })
      .onConflictDoNothing()
      .returning({ id: concerns.id });
    if (inserted.length) {
      await audit(tx, actor, { action: "concern.raise", entity: "concern", entityId: data.id, patientId: p.id, detail: { kind: data.kind, therapistId } });
    }
    return { id: data.id };
  });
}
