import "server-only";
import fs from "node:fs";
import { once } from "node:events";
import { and, eq, isNull } from "drizzle-orm";
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
import { exportTtlMs, jobDir, jobFile, removeJobFiles } from "./storage";

const PAGE = 500;

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

async function cancelled(jobId: string): Promise<boolean> {
  const [j] = await getDb().select({ status: fhirExportJobs.status }).from(fhirExportJobs).where(eq(fhirExportJobs.id, jobId));
  return j?.status !== "running";
}

/** Write one type's NDJSON page by page (500 rows at a time), waiting on the stream when it is full. */
async function writeType(p: FhirPrincipal, job: FhirExportJob, type: FhirType, patients: Set<string>): Promise<ExportOutputFile | null> {
  const file = `${type}.ndjson`;
  const out = fs.createWriteStream(jobFile(job.id, file));
  let count = 0;
  let after: Cursor | null = null;
  try {
    do {
      if (await cancelled(job.id)) throw new AppError("CONFLICT", "cancelled");
      const page = await readPage(p, { base: fhirBase(), clinicId: p.clinicId }, type, { panelOf: job.groupId ?? undefined, since: job.since, after, limit: PAGE });
      for (const r of page.resources) {
        if (!out.write(`${JSON.stringify(r)}\n`)) await once(out, "drain");
        count++;
      }
      for (const id of page.patientIds) patients.add(id);
      if (sameCursor(page.next, after)) throw new Error(`paging of ${type} did not advance`);
      after = page.next;
    } while (after);
  } finally {
    out.end();
    await once(out, "close");
  }
  if (!count) fs.rmSync(jobFile(job.id, file), { force: true });
  return count ? { type, file, count } : null;
}

/**
 * Run a queued export: re-authorize its requester, stream each type to NDJSON files under
 * FHIR_EXPORT_DIR, then mark it complete (with its expiry) and audit it per exported patient.
 */
export async function runExport(jobId: string): Promise<void> {
  const db = getDb();
  const [job] = await db
    .update(fhirExportJobs)
    .set({ status: "running", startedAt: new Date() })
    .where(and(eq(fhirExportJobs.id, jobId), eq(fhirExportJobs.status, "queued")))
    .returning();
  if (!job) return;
  const started = Date.now();
  try {
    const p = await requester(job);
    assertCan(p, "fhir:export");
    fs.mkdirSync(jobDir(job.id), { recursive: true });
    const patients = new Set<string>();
    const output: ExportOutputFile[] = [];
    for (const type of job.types.filter((t): t is FhirType => FHIR_TYPE_NAMES.includes(t as FhirType))) {
      if (!canReadFhir(p, type)) throw new AppError("FORBIDDEN", `The requester may no longer export ${type}.`);
      const written = await writeType(p, job, type, patients);
      if (written) output.push(written);
    }
    const now = new Date();
    await db.transaction(async (tx) => {
      await tx.update(fhirExportJobs).set({ status: "complete", output, completedAt: now, expiresAt: new Date(now.getTime() + exportTtlMs()) }).where(eq(fhirExportJobs.id, job.id));
      await auditFhir(p, "fhir.export", "fhir_export", { entityId: job.id, patientIds: [...patients], detail: { counts: Object.fromEntries(output.map((o) => [o.type, o.count])) } }, tx);
    });
    logInfo("fhir.export_complete", { job: job.id, ms: Date.now() - started, files: output.length });
  } catch (err) {
    removeJobFiles(job.id);
    if (err instanceof AppError && err.code === "CONFLICT") return; // cancelled while running
    if (!(err instanceof AppError)) logError("fhir.export_failed", err, { job: job.id });
    const message = err instanceof AppError ? err.message : "The export failed on the server.";
    await db.update(fhirExportJobs).set({ status: "failed", error: message, completedAt: new Date(), expiresAt: new Date(Date.now() + exportTtlMs()) }).where(eq(fhirExportJobs.id, job.id));
  }
}
