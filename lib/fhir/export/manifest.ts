import type { FhirExportJob } from "@/db/schema";

/** The Bulk Data completion manifest: one NDJSON URL per type, to be fetched with the same credentials. */
export function manifest(job: FhirExportJob, base: string) {
  return {
    transactionTime: (job.startedAt ?? job.createdAt).toISOString(),
    request: job.requestUrl,
    requiresAccessToken: true,
    output: job.output.map((o) => ({ type: o.type, url: `${base}/bulk-files/${job.id}/${o.file}`, count: o.count })),
    error: [],
  };
}
