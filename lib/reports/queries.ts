import "server-only";
import { and, asc, desc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { concerns, patients, progressReports, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { displayName } from "@/lib/patients/queries";

/** Open concerns addressed to this therapist, newest first: they head the review queue. */
export async function openConcerns(actor: Actor) {
  assertCan(actor, "concern:acknowledge");
  const raiser = alias(users, "raiser");
  const rows = await getDb()
    .select({ c: concerns, firstName: patients.firstName, lastName: patients.lastName, preferredName: patients.preferredName, raisedByName: raiser.name })
    .from(concerns)
    .innerJoin(patients, eq(patients.id, concerns.patientId))
    .innerJoin(raiser, eq(raiser.id, concerns.raisedBy))
    .where(and(eq(concerns.clinicId, actor.clinicId), eq(concerns.therapistId, actor.id), eq(concerns.status, "open")))
    .orderBy(desc(concerns.raisedAt))
    .limit(100);
  return rows.map((r) => ({ ...r.c, patientName: displayName(r), raisedByName: r.raisedByName }));
}

/** Reports one wrote (assistant) or received (therapist); `pending` = awaiting acknowledgement. */
export async function listReports(actor: Actor, opts: { pending?: boolean } = {}) {
  assertCan(actor, "report:read");
  const mine = actor.role === "therapist" ? eq(progressReports.therapistId, actor.id) : eq(progressReports.authorId, actor.id);
  const rows = await getDb()
    .select({
      id: progressReports.id,
      patientId: progressReports.patientId,
      firstName: patients.firstName,
      lastName: patients.lastName,
      preferredName: patients.preferredName,
      authorLabel: progressReports.authorLabel,
      periodStart: progressReports.periodStart,
      periodEnd: progressReports.periodEnd,
      status: progressReports.status,
      submittedAt: progressReports.submittedAt,
    })
    .from(progressReports)
    .innerJoin(patients, eq(patients.id, progressReports.patientId))
    .where(and(eq(progressReports.clinicId, actor.clinicId), mine, opts.pending ? eq(progressReports.status, "submitted") : undefined))
    .orderBy(opts.pending ? asc(progressReports.submittedAt) : desc(progressReports.submittedAt))
    .limit(200);
  return rows.map((r) => ({ ...r, patientName: displayName(r) }));
}

/** One report, for its author or its therapist; reading it is audited (`how` says view, print, pdf). */
export async function getReport(actor: Actor, id: string, how: "view" | "print" | "pdf" = "view") {
  assertCan(actor, "report:read");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("Report");
  const therapist = alias(users, "therapist");
  const db = getDb();
  const [r] = await db
    .select({ r: progressReports, patient: patients, therapistName: therapist.name, therapistTitle: therapist.title })
    .from(progressReports)
    .innerJoin(patients, eq(patients.id, progressReports.patientId))
    .innerJoin(therapist, eq(therapist.id, progressReports.therapistId))
    .where(
      and(
        eq(progressReports.id, id),
        eq(progressReports.clinicId, actor.clinicId),
        or(eq(progressReports.therapistId, actor.id), eq(progressReports.authorId, actor.id)),
      ),
    );
  if (!r) throw notFound("Report");
  await audit(db, actor, {
    action: how === "view" ? "report.view" : how === "print" ? "export.report_print" : "export.report_pdf",
    entity: "progress_report",
    entityId: id,
    patientId: r.r.patientId,
  });
  return {
    ...r.r,
    patientName: displayName(r.patient),
    patientFullName: `${r.patient.firstName} ${r.patient.lastName}`,
    mrn: r.patient.mrn,
    therapistLabel: r.therapistTitle ? `${r.therapistName}, ${r.therapistTitle}` : r.therapistName,
  };
}
export type ReportDetail = Awaited<ReturnType<typeof getReport>>;
