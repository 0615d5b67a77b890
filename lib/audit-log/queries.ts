import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

export async function recentAuditEvents(actor: Actor, limit = 50) {
  assertCan(actor, "audit:read");
  return getDb()
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      patientId: auditEvents.patientId,
      ip: auditEvents.ip,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.clinicId, actor.clinicId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(Math.min(limit, 200));
}
