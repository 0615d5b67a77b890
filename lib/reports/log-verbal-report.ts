import "server-only";
import { and, eq, exists, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appointments, caseloads, supervisions, users, verbalReports } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, conflict, notFound } from "@/lib/errors";
import { verbalReportSchema, type VerbalReportResult } from "./verbal-report-schemas";

const label = (u: { name: string; title: string | null }) => (u.title ? `${u.name}, ${u.title}` : u.name);

/**
 * Log that the aide reported to a therapist verbally (to whom, when, one line). Only for the aide's own
 * appointment on their caseload, to the appointment's therapist or one of the aide's supervisors; not
 * in the future. Idempotent on the tablet-made id: a retry answers like the first call.
 */
export async function logVerbalReport(actor: Actor, input: unknown): Promise<VerbalReportResult> {
  assertCan(actor, "verbal-report:log");
  const data = verbalReportSchema.parse(input);
  const now = new Date();
  const reportedAt = data.reportedAt ?? now;
  if (reportedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw new AppError("VALIDATION", { key: "errors.reports.timeFuture" }, { reportedAt: ["errors.reports.timeFuture"] });
  }
  return getDb().transaction(async (tx) => {
    const [a] = await tx
      .select({ id: appointments.id, patientId: appointments.patientId, therapistId: appointments.therapistId, assistantId: appointments.assistantId, startsAt: appointments.startsAt })
      .from(appointments)
      .where(
        and(
          eq(appointments.id, data.appointmentId),
          eq(appointments.clinicId, actor.clinicId),
          exists(tx.select({ one: sql`1` }).from(caseloads).where(and(eq(caseloads.patientId, appointments.patientId), eq(caseloads.assistantId, actor.id)))),
        ),
      );
    if (!a || a.assistantId !== actor.id) throw notFound("Appointment");
    if (reportedAt.getTime() < a.startsAt.getTime() - 24 * 3_600_000) {
      throw new AppError("VALIDATION", { key: "errors.reports.timeLongBefore" }, { reportedAt: ["errors.reports.timeLongBefore"] });
    }
    const [t] = await tx
      .select({ id: users.id, name: users.name, title: users.title })
      .from(users)
      .where(
        and(
          eq(users.id, data.therapistId),
          eq(users.clinicId, actor.clinicId),
          eq(users.role, "therapist"),
          eq(users.active, true),
          or(
            eq(users.id, a.therapistId),
            exists(tx.select({ one: sql`1` }).from(supervisions).where(and(eq(supervisions.therapistId, users.id), eq(supervisions.assistantId, actor.id)))),
          ),
        ),
      );
    if (!t) throw new AppError("VALIDATION", { key: "errors.reports.chooseTherapist" }, { therapistId: ["errors.reports.chooseTherapist"] });

    const inserted = await tx
      .insert(verbalReports)
      .values({ id: data.id, clinicId: actor.clinicId, patientId: a.patientId, appointmentId: a.id, reportedBy: actor.id, therapistId: t.id, reportedAt, summary: data.summary })
      .onConflictDoNothing({ target: verbalReports.id })
      .returning({ id: verbalReports.id });
    if (!inserted.length) {
      const [first] = await tx.select().from(verbalReports).where(eq(verbalReports.id, data.id));
      if (!first || first.reportedBy !== actor.id || first.appointmentId !== a.id) throw conflict({ key: "errors.reports.idUsed" });
      const [ft] = await tx.select({ name: users.name, title: users.title }).from(users).where(eq(users.id, first.therapistId));
      return { id: first.id, therapistLabel: label(ft!), reportedAt: first.reportedAt.toISOString() };
    }
    await audit(tx, actor, {
      action: "verbal_report.log",
      entity: "verbal_report",
      entityId: data.id,
      patientId: a.patientId,
      detail: { appointmentId: a.id, therapistId: t.id, summaryLength: data.summary.length },
    });
    return { id: data.id, therapistLabel: label(t), reportedAt: reportedAt.toISOString() };
  });
}
