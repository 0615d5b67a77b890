import "server-only";
import fs from "node:fs";
import path from "node:path";

/** Where export files live: FHIR_EXPORT_DIR (default .data/fhir-export), one folder per job. */
export function exportRoot(): string {
  return path.resolve(process.env.FHIR_EXPORT_DIR?.trim() || ".data/fhir-export");
}

export const jobDir = (jobId: string) => path.join(exportRoot(), jobId);
export const jobFile = (jobId: string, file: string) => path.join(jobDir(jobId), file);

/** Hours a finished export's files are kept (FHIR_EXPORT_TTL_HOURS, default 24). */
export function exportTtlMs(): number {
  const h = Number(process.env.FHIR_EXPORT_TTL_HOURS ?? 24);
  return (Number.isFinite(h) && h > 0 ? h : 24) * 3_600_000;
}

export function removeJobFiles(jobId: string): void {
  fs.rmSync(jobDir(jobId), { recursive: true, force: true });
}
