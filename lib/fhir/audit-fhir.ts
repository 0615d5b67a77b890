import "server-only";
import type { Queryable } from "@/db/client";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit";
import { principalDetail, type FhirPrincipal } from "./principal";

/**
 * One audit event per FHIR read, search, export or import (DESIGN rule 9): who (user or client),
 * what, and which patients. A request about many patients records one event per patient, so the
 * audit log by patient shows it.
 */
export async function auditFhir(
  p: FhirPrincipal,
  action: string,
  entity: string,
  opts: { entityId?: string | null; patientIds?: string[]; detail?: Record<string, unknown> } = {},
  q: Queryable = getDb(),
): Promise<void> {
  const detail = { ...principalDetail(p), ...opts.detail };
  const patients = opts.patientIds ?? [];
  if (patients.length <= 1) {
    await audit(q, p, { action, entity, entityId: opts.entityId ?? null, patientId: patients[0] ?? null, detail });
    return;
  }
  for (const patientId of patients) await audit(q, p, { action, entity, entityId: opts.entityId ?? null, patientId, detail });
}
