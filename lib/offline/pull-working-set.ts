import "server-only";
import { getDb } from "@/db/client";
import { auditEach } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { WorkingSet } from "./protocol";
import { buildWorkingSet } from "./working-set";
import { workingSetEtag } from "./working-set-etag";
import { ensureTodayPreps } from "./working-set-rooms";
import { workingSetWindow } from "./working-set-scope";

export type Pull = { status: 304; etag: string } | { status: 200; etag: string; set: WorkingSet };

/** "W/…" or "…", possibly a list: does any of them name this tag? */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "").replace(/^"|"$/g, "") === etag);
}

/**
 * GET /api/working-set: the ETag first (one digest query, plus one to see that today's preps exist),
 * 304 when the tablet already has it; otherwise the full set, and one audit event per patient whose
 * clinical data it carries (DESIGN rule 9). A 304 reads no patient data and is not audited.
 */
export async function pullWorkingSet(actor: Actor, ifNoneMatch: string | null, now = new Date()): Promise<Pull> {
  assertCan(actor, "offline:sync");
  const w = workingSetWindow(actor, now);
  await ensureTodayPreps(actor, w);
  const etag = await workingSetEtag(actor, w);
  if (etagMatches(ifNoneMatch, etag)) return { status: 304, etag };
  const set = await buildWorkingSet(actor, w, etag, now);
  await auditEach(
    getDb(),
    actor,
    set.patients.map((p) => ({
      action: "offline.working_set",
      entity: "patient",
      entityId: p.id,
      patientId: p.id,
      detail: { appointments: set.appointments.filter((a) => a.patientId === p.id).length, etag },
    })),
  );
  return { status: 200, etag, set };
}
