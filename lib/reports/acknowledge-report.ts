import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { progressReports } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { acknowledgeSchema } from "./schemas";

export async function acknowledgeReport(actor: Actor, input: unknown) {
  assertCan(actor, "report:acknowledge");
  const data = acknowledgeSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [r] = await tx
      .select({ id: progressReports.id, status: progressReports.status, patientId: progressReports.patientId })
      .from(progressReports)
      .where(and(eq(progressReports.id, data.id), eq(progressReports.clinicId, actor.clinicId), eq(progressReports.therapistId, actor.id)));
    if (!r) throw notFound("Report");
    if (r.status === "acknowledged") throw conflict({ key: "errors.reports.reportAcknowledged" });
    const [row] = await tx
      .update(progressReports)
      .set({ status: "acknowledged", acknowledgedAt: new Date(), acknowledgedBy: actor.id, comment: data.comment, version: sql`${progressReports.version} + 1` })
      .where(and(eq(progressReports.id, r.id), eq(progressReports.version, data.version)))
      .returning({ version: progressReports.version });
    if (!row) throw conflict({ key: "errors.reports.reportStale" });
    await audit(tx, actor, { action: "report.acknowledge", entity: "progress_report", entityId: r.id, patientId: r.patientId });
    return row;
  });
}
