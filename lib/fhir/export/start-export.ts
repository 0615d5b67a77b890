import "server-only";
import { getDb } from "@/db/client";
import { fhirExportJobs } from "@/db/schema";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { fhirPanelExists } from "@/lib/users/fhir-queries";
import { auditFhir } from "../audit-fhir";
import type { FhirPrincipal } from "../principal";
import { parseExportParams } from "./params";
import { sweepExpiredExports } from "./status";

/**
 * Bulk Data kick-off (Patient/$export, Group/{id}/$export): checks the caller and the parameters and
 * records a queued job (the route then runs it after answering 202). Audited.
 */
export async function startExport(p: FhirPrincipal, input: { groupId?: string; query: URLSearchParams; requestUrl: string }): Promise<{ id: string }> {
  assertCan(p, "fhir:export");
  const { types, since } = parseExportParams(p, input.query);
  if (input.groupId !== undefined && !(await fhirPanelExists(p, input.groupId))) throw notFound("Group");
  await sweepExpiredExports();
  return getDb().transaction(async (tx) => {
    const [job] = await tx
      .insert(fhirExportJobs)
      .values({
        clinicId: p.clinicId,
        requestedByUser: p.kind === "user" ? p.id : null,
        requestedByClient: p.kind === "client" ? p.id : null,
        requestUrl: input.requestUrl.slice(0, 2000),
        groupId: input.groupId ?? null,
        types,
        since,
      })
      .returning({ id: fhirExportJobs.id });
    await auditFhir(p, "fhir.export_start", "fhir_export", { entityId: job!.id, detail: { types, since: since?.toISOString() ?? null, group: input.groupId ?? null } }, tx);
    return { id: job!.id };
  });
}
