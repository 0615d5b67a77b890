import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { handoutLinks, handouts, handoutVersions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { WsHandout } from "./protocol";

/**
 * Handouts for the working set (minimum necessary, DESIGN rule 8): those linked to the day's patients through
 * a delegation to this aide or a goal of one, newest version only, not archived. One query.
 */
export async function handoutsPart(actor: Actor, patientIds: string[], delegationIds: string[], goalIds: string[]): Promise<WsHandout[]> {
  assertCan(actor, "handout:read");
  if (!patientIds.length || (!delegationIds.length && !goalIds.length)) return [];
  const through = or(
    delegationIds.length ? inArray(handoutLinks.delegationId, delegationIds) : undefined,
    goalIds.length ? inArray(handoutLinks.goalId, goalIds) : undefined,
  );
  const rows = await getDb()
    .select({ link: handoutLinks, versionId: handoutVersions.id, version: handoutVersions.version, content: handoutVersions.content })
    .from(handoutLinks)
    .innerJoin(handouts, and(eq(handouts.id, handoutLinks.handoutId), eq(handouts.archived, false)))
    .innerJoin(handoutVersions, and(eq(handoutVersions.handoutId, handouts.id), eq(handoutVersions.version, handouts.currentVersion)))
    .where(and(eq(handoutLinks.clinicId, actor.clinicId), isNull(handoutLinks.unlinkedAt), inArray(handoutLinks.patientId, patientIds), through))
    .orderBy(handoutLinks.linkedAt, handoutLinks.id);
  const byId = new Map<string, WsHandout>();
  for (const r of rows) {
    const h = byId.get(r.link.handoutId) ?? { id: r.link.handoutId, versionId: r.versionId, version: r.version, content: r.content, links: [] };
    h.links.push({ patientId: r.link.patientId, goalId: r.link.goalId, delegationId: r.link.delegationId });
    byId.set(h.id, h);
  }
  return [...byId.values()];
}
