import "server-only";
import fs from "node:fs";
import { Readable } from "node:stream";
import { and, eq, inArray, lt, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { fhirExportJobs, type FhirExportJob } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { auditFhir } from "../audit-fhir";
import type { FhirPrincipal } from "../principal";
import { jobFile, removeJobFiles } from "./storage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One export job of the caller's (the user or client who started it), or NOT_FOUND. */
export async function loadExportJob(p: FhirPrincipal, jobId: string): Promise<FhirExportJob> {
  assertCan(p, "fhir:export");
  if (!UUID.test(jobId)) throw notFound("Export");
  const owner = p.kind === "user" ? eq(fhirExportJobs.requestedByUser, p.id) : eq(fhirExportJobs.requestedByClient, p.id);
  const [job] = await getDb()
    .select()
    .from(fhirExportJobs)
    .where(and(eq(fhirExportJobs.id, jobId), eq(fhirExportJobs.clinicId, p.clinicId), owner, ne(fhirExportJobs.status, "expired"), ne(fhirExportJobs.status, "cancelled")));
  if (!job) throw notFound("Export");
  return job;
}

/** DELETE on the status URL: stop the job and remove its files. Audited. */
export async function cancelExport(p: FhirPrincipal, jobId: string): Promise<void> {
  assertCan(p, "fhir:export");
  const job = await loadExportJob(p, jobId);
  await getDb().transaction(async (tx) => {
    await tx.update(fhirExportJobs).set({ status: "cancelled" }).where(eq(fhirExportJobs.id, job.id));
    await auditFhir(p, "fhir.export_cancel", "fhir_export", { entityId: job.id }, tx);
  });
  removeJobFiles(job.id);
}

/** One NDJSON file of a finished export, streamed from disk (never read whole). Audited. */
export async function openExportFile(p: FhirPrincipal, jobId: string, file: string): Promise<ReadableStream<Uint8Array>> {
  assertCan(p, "fhir:export");
  const job = await loadExportJob(p, jobId);
  const entry = job.status === "complete" ? job.output.find((o) => o.file === file) : undefined;
  if (!entry || !fs.existsSync(jobFile(job, entry.file))) throw notFound("Export file");
  await auditFhir(p, "fhir.export_download", "fhir_export", { entityId: job.id, detail: { type: entry.type, count: entry.count } });
  return Readable.toWeb(fs.createReadStream(jobFile(job, entry.file))) as ReadableStream<Uint8Array>;
}

/** Remove the files of finished exports past their expiry (the job row stays, marked expired). */
export async function sweepExpiredExports(now = new Date()): Promise<number> {
  const db = getDb();
  const due = await db
    .select({ id: fhirExportJobs.id })
    .from(fhirExportJobs)
    .where(and(inArray(fhirExportJobs.status, ["complete", "failed"]), lt(fhirExportJobs.expiresAt, now)))
    .limit(100);
  for (const { id } of due) {
    removeJobFiles(id);
    await db.update(fhirExportJobs).set({ status: "expired" }).where(eq(fhirExportJobs.id, id));
  }
  return due.length;
}
