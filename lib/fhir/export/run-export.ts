import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, fhirClients, fhirExportJobs, users, type ExportOutputFile, type FhirExportJob } from "@/db/schema";
import { assertCan, canReadFhir, FHIR_TYPE_NAMES, type FhirType } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { logError, logInfo } from "@/lib/log";
import { auditFhir } from "../audit-fhir";
import { fhirBase } from "../base-url";
import { sameCursor, type Cursor } from "../cursor";
import type { FhirPrincipal } from "../principal";
import { readPage } from "../source";
import { attemptDir, exportTtlMs, jobDir, jobFile, removeJobFiles } from "./storage";

const PAGE = 500;
/**
 * A running attempt renews its lease after every page (a page takes well under a second); one silent
 * for this long belongs to an instance that died or hung, and the next status poll starts it again.
 */
export const EXPORT_LEASE_SECONDS = 120;

/** Ended by a cancel or by a takeover: this attempt stops and leaves the job as it is. */
class LostJob extends Error {}

/** The job's requester as they stand now: a deactivated user or a revoked client stops the export. */
async function requester(job: FhirExportJob): Promise<FhirPrincipal> {
  const db = getDb();
  if (job.requestedByUser) {
    const [u] = await db
      .select({ id: users.id, clinicId: users.clinicId, role: users.role, timeZone: clinics.timeZone })
      .from(users)
      .innerJoin(clinics, eq(clinics.id, users.clinicId))
      .where(and(eq(users.id, job.requestedByUser), eq(users.active, true), eq(users.clinicId, job.clinicId)));
    if (u) return { kind: "user", id: u.id, clinicId: u.clinicId, role: u.role, timeZone: u.timeZone, ip: null, userAgent: "fhir-export-worker" };
  } else if (job.requestedByClient) {
    const [c] = await db
      .select({ id: fhirClients.id, clinicId: fhirClients.clinicId, scopes: fhirClients.scopes, timeZone: clinics.timeZone })
      .from(fhirClients)
      .innerJoin(clinics, eq(clinics.id, fhirClients.clinicId))
      .where(and(eq(fhirClients.id, job.requestedByClient), isNull(fhirClients.revokedAt), eq(fhirClients.clinicId, job.clinicId)));
    if (c) return { kind: "client", id: c.id, clinicId: c.clinicId, role: "system", scopes: c.scopes, timeZone: c.timeZone, ip: null, userAgent: "fhir-export-worker" };
  }
  throw new AppError("FORBIDDEN", "The account or client that started this export may no longer export.");
}

/** The row as this attempt holds it: running and still ours. */
const ours = (job: FhirExportJob) => and(eq(fhirExportJobs.id, job.id), eq(fhirExportJobs.status, "running"), eq(fhirExportJobs.runner, job.runner!));

/** Before each page: renew the lease, or learn that the job was cancelled or taken over. */
async function renewLease(job: FhirExportJob): Promise<void> {
  const held = await getDb().update(fhirExportJobs).set({ heartbeatAt: sql`now()` }).where(ours(job)).returning({ id: fhirExportJobs.id });
  if (!held.length) throw new LostJob();
}

/**
 * Write one type's NDJSON page by page (500 rows at a time) through a pipeline: the file is written as
 * the pages are read, waits when the disk is behind, and any failure (the lease lost, the folder removed
 * by a cancel, a query) ends both sides and rejects here, never as an unhandled stream error.
 */
async function writeType(p: FhirPrincipal, job: FhirExportJob, type: FhirType, patients: Set<string>): Promise<ExportOutputFile | null> {
  const file = `${type}.ndjson`;
  let count = 0;
  async function* pages(): AsyncGenerator<string> {
    let after: Cursor | null = null;
    do {
      await renewLease(job);
      const page = await readPage(p, { base: fhirBase(), clinicId: p.clinicId }, type, { panelOf: job.groupId ?? undefined, since: job.since, after, limit: PAGE });
      count += page.resources.length;
      for (const id of page.patientIds) patients.add(id);
      if (page.resources.length) yield page.resources.map((r) => `${JSON.stringify(r)}\n`).join("");
      if (sameCursor(page.next, after)) throw new Error(`paging of ${type} did not advance`);
      after = page.next;
    } while (after);
  }
  await pipeline(Readable.from(pages()), fs.createWriteStream(jobFile(job, file)));
  if (!count) fs.rmSync(jobFile(job, file), { force: true });
  return count ? { type, file, count } : null;
}

/**
 * Run a queued export: claim it (a new attempt id, the lease), re-authorize its requester, stream each type
 * to NDJSON files under FHIR_EXPORT_DIR/<job>/<attempt>/, then mark it complete (with its expiry) and audit
 * it per exported patient. An attempt that loses the job (cancelled, or taken over after its lease ran out)
 * stops at its next page and removes only its own files; only the attempt holding the job completes it.
 */
export async function runExport(jobId: string): Promise<void> {
  const db = getDb();
  const [job] = await db
    .update(fhirExportJobs)
    .set({ status: "running", startedAt: sql`now()`, runner: randomUUID(), heartbeatAt: sql`now()` })
    .where(and(eq(fhirExportJobs.id, jobId), eq(fhirExportJobs.status, "queued")))
    .returning();
  if (!job) return;
  const started = Date.now();
  const mine = attemptDir(job.id, job.runner!);
  try {
    const p = await requester(job);
    assertCan(p, "fhir:export");
    fs.mkdirSync(mine, { recursive: true });
    const patients = new Set<string>();
    const output: ExportOutputFile[] = [];
    for (const type of job.types.filter((t): t is FhirType => FHIR_TYPE_NAMES.includes(t as FhirType))) {
      if (!canReadFhir(p, type)) throw new AppError("FORBIDDEN", `The requester may no longer export ${type}.`);
      const written = await writeType(p, job, type, patients);
      if (written) output.push(written);
    }
    const now = new Date();
    const completed = await db.transaction(async (tx) => {
      const [row] = await tx.update(fhirExportJobs).set({ status: "complete", output, completedAt: now, expiresAt: new Date(now.getTime() + exportTtlMs()) }).where(ours(job)).returning({ id: fhirExportJobs.id });
      if (!row) return false;
      await auditFhir(p, "fhir.export", "fhir_export", { entityId: job.id, patientIds: [...patients], detail: { counts: Object.fromEntries(output.map((o) => [o.type, o.count])) } }, tx);
      return true;
    });
    if (!completed) throw new LostJob();
    // an earlier attempt's files (its instance died mid-way) are not part of the result
    for (const other of fs.readdirSync(jobDir(job.id))) if (other !== job.runner) fs.rmSync(attemptDir(job.id, other), { recursive: true, force: true });
    logInfo("fhir.export_complete", { job: job.id, ms: Date.now() - started, files: output.length });
  } catch (err) {
    fs.rmSync(mine, { recursive: true, force: true });
    if (err instanceof LostJob) return; // cancelled, or another attempt holds it now
    const message = err instanceof AppError ? err.message : "The export failed on the server.";
    const [failed] = await db.update(fhirExportJobs).set({ status: "failed", error: message, completedAt: new Date(), expiresAt: new Date(Date.now() + exportTtlMs()) }).where(ours(job)).returning({ id: fhirExportJobs.id });
    // not ours any more: a cancel removed the files under it (the error is that), or another attempt holds it
    if (!failed) return;
    if (!(err instanceof AppError)) logError("fhir.export_failed", err, { job: job.id });
    removeJobFiles(job.id);
  }
}

/**
 * A job left behind by an instance that died (running with a lease older than EXPORT_LEASE_SECONDS, or
 * queued that long and never claimed) is queued again, for the caller to run (the status poll does).
 * Decided in one statement on the database's clock, so two instances polling at once cannot both take it.
 */
export async function requeueStalledExport(jobId: string): Promise<boolean> {
  const lease = sql`now() - make_interval(secs => ${EXPORT_LEASE_SECONDS})`;
  const [row] = await getDb()
    .update(fhirExportJobs)
    .set({ status: "queued", runner: null, heartbeatAt: null })
    .where(
      and(
        eq(fhirExportJobs.id, jobId),
        sql`((${fhirExportJobs.status} = 'running' and ${fhirExportJobs.heartbeatAt} < ${lease}) or (${fhirExportJobs.status} = 'queued' and ${fhirExportJobs.createdAt} < ${lease}))`,
      ),
    )
    .returning({ id: fhirExportJobs.id });
  if (row) logInfo("fhir.export_requeued", { job: jobId });
  return Boolean(row);
}
