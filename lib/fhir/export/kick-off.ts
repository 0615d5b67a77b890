import "server-only";
import { after } from "next/server";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { FhirPrincipal } from "../principal";
import { fhirJson } from "../respond";
import { manifest } from "./manifest";
import { requeueStalledExport, runExport } from "./run-export";
import { startExport } from "./start-export";
import { loadExportJob, sweepExpiredExports } from "./status";

/** $export kick-off: `Prefer: respond-async` is required; 202 with the status URL, the job runs after the answer. */
export async function kickOff(p: FhirPrincipal, base: string, request: Request, groupId?: string): Promise<Response> {
  assertCan(p, "fhir:export"); // a refused role hears 403 before any word about its headers
  if (!/respond-async/i.test(request.headers.get("prefer") ?? "")) throw new AppError("VALIDATION", "Bulk export needs the header Prefer: respond-async.");
  const accept = request.headers.get("accept");
  if (accept && !/application\/fhir\+json|\*\/\*|application\/json/i.test(accept)) throw new AppError("VALIDATION", "Accept must be application/fhir+json.");
  const url = new URL(request.url);
  const requestUrl = `${base}${url.pathname.replace(/^.*\/fhir\/R4/, "")}${url.search}`;
  const job = await startExport(p, { groupId, query: url.searchParams, requestUrl });
  after(() => runExport(job.id));
  return new Response(null, { status: 202, headers: { "content-location": `${base}/bulk-status/${job.id}`, "cache-control": "no-store" } });
}

/**
 * Status poll: 202 + X-Progress while queued or running, 200 + manifest when complete, an OperationOutcome if
 * it failed. A job whose instance died (its lease ran out) is started again here, on the polling instance.
 */
export async function exportStatusResponse(p: FhirPrincipal, base: string, jobId: string): Promise<Response> {
  await sweepExpiredExports();
  const job = await loadExportJob(p, jobId);
  if (job.status === "queued" || job.status === "running") {
    if (await requeueStalledExport(job.id)) after(() => runExport(job.id));
    return new Response(null, { status: 202, headers: { "x-progress": job.status, "retry-after": "2", "cache-control": "no-store" } });
  }
  if (job.status === "failed") {
    return fhirJson({ resourceType: "OperationOutcome", issue: [{ severity: "error", code: "processing", diagnostics: job.error ?? "The export failed." }] }, 500);
  }
  return fhirJson(manifest(job, base), 200, { expires: job.expiresAt?.toUTCString() ?? "" });
}
