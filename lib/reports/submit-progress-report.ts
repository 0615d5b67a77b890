import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { delegations, patients, progressReports } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { patientScope } from "@/lib/patients/queries";
import { compilePatientFigures } from "./compile";
import { progressReportSchema } from "./schemas";

/** An assistant's progress report for a patient on their caseload. The figures are compiled here, from
 * the record, so nobody types them; it goes to the therapist who delegated the work. Idempotent on id. */
export async function submitProgressReport(actor: Actor, input: unknown) {
  assertCan(actor, "report:submit");
  const data = progressReportSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [p] = await tx
      .select({ id: patients.id, primaryTherapistId: patients.primaryTherapistId })
      .from(patients)
      .where(and(eq(patients.id, data.patientId), patientScope(actor)));
    if (!p) throw notFound("Patient");
    const mine = await tx
      .select({ therapistId: delegations.therapistId, goalId: delegations.goalId })
      .from(delegations)
      .where(and(eq(delegations.patientId, p.id), eq(delegations.assistantId, actor.id)))
      .orderBy(desc(delegations.createdAt));
    const therapistId = mine[0]?.therapistId ?? p.primaryTherapistId;
    if (!therapistId) throw new AppError("CONFLICT", { key: "errors.reports.noTherapistReport" });
    const figures = await compilePatientFigures(tx, {
      patientId: p.id,
      from: data.periodStart,
      to: data.periodEnd,
      timeZone: actor.clinic.timeZone,
      statuses: ["submitted", "signed"],
      goalIds: [...new Set(mine.map((d) => d.goalId).filter((g): g is string => !!g))],
    });
    const inserted = await tx
      .insert(progressReports)
      .values({
        id: data.id,
        clinicId: actor.clinicId,
        patientId: p.id,
        authorId: actor.id,
        authorLabel: `${actor.title ? `${actor.name}, ${actor.title}` : actor.name}, assistant`,
        therapistId,
        periodStart: data.periodStart,
        periodEnd: data.periodEnd,
        figures,
        narrative: data.narrative,
      })
      .onConflictDoNothing()
      .returning({ id: progressReports.id });
    if (inserted.length) {
      await audit(tx, actor, { action: "report.submit", entity: "progress_report", entityId: data.id, patientId: p.id, detail: { therapistId } });
    }
    return { id: data.id };
  });
}
