import "server-only";
import fs from "node:fs";
import path from "node:path";

/**
 * Where export files live, one folder per job: FHIR_EXPORT_DIR; else, under systemd, the unit's state
 * directory (`StateDirectory=theratrack` sets STATE_DIRECTORY; the unit's ProtectSystem=strict leaves the
 * app's own folder read-only); else `.data/fhir-export`. Several instances must share it (the status poll
 * and the downloads may reach another instance than the export).
 */
export function exportRoot(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const explicit = env.FHIR_EXPORT_DIR?.trim();
  if (explicit) return path.resolve(explicit);
  const state = env.STATE_DIRECTORY?.split(":")[0]?.trim();
  return path.resolve(state ? path.join(state, "fhir-export") : ".data/fhir-export");
}

export const jobDir = (jobId: string) => path.join(exportRoot(), jobId);
/** One attempt's folder: a job taken over from a dead instance is written again beside the first try. */
export const attemptDir = (jobId: string, runner: string) => path.join(jobDir(jobId), runner);
/** A file of the job's attempt of record (the row's `runner`). */
export const jobFile = (job: { id: string; runner: string | null }, file: string) => path.join(attemptDir(job.id, job.runner ?? "none"), file);

/** Hours a finished export's files are kept (FHIR_EXPORT_TTL_HOURS, default 24). */
export function exportTtlMs(): number {
  const h = Number(process.env.FHIR_EXPORT_TTL_HOURS ?? 24);
  return (Number.isFinite(h) && h > 0 ? h : 24) * 3_600_000;
}

export function removeJobFiles(jobId: string): void {
  fs.rmSync(jobDir(jobId), { recursive: true, force: true });
}
