import "server-only";
import type { Queryable } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditActor = { id: string | null; clinicId: string | null; ip: string | null; userAgent: string | null };

export type AuditEntry = {
  /** dotted verb, e.g. "auth.sign_in", "patient.view", "observation.submit" */
  action: string;
  entity: string;
  entityId?: string | null;
  patientId?: string | null;
  /** ids, codes and field names only: never free-text clinical content */
  detail?: Record<string, unknown>;
};

/**
 * Append one audit event. Pass the transaction that does the write, so a failed audit insert rolls
 * the write back and a rolled-back write leaves no audit row (DESIGN §2).
 */
export async function audit(q: Queryable, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await q.insert(auditEvents).values(row(actor, entry));
}

/** Several events in one insert (e.g. one per patient whose data a pull read). */
export async function auditEach(q: Queryable, actor: AuditActor, entries: AuditEntry[]): Promise<void> {
  if (entries.length) await q.insert(auditEvents).values(entries.map((e) => row(actor, e)));
}

function row(actor: AuditActor, entry: AuditEntry) {
  return {
    clinicId: actor.clinicId,
    actorId: actor.id,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    patientId: entry.patientId ?? null,
    ip: actor.ip?.slice(0, 100) ?? null,
    userAgent: actor.userAgent?.slice(0, 300) ?? null,
    detail: entry.detail ?? {},
  };
}
