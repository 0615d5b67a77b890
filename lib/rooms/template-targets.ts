import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { equipment, rooms } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";

export type TemplateItem = { label: string; required: boolean; equipmentId: string | null };

/** A template may only name a room and equipment of the actor's clinic; the equipment must be in
 * that room (or, for a kind-wide template, in a room of that kind). */
export async function assertTemplateTargets(tx: Tx, actor: Actor, target: { roomKind: string | null; roomId: string | null }, items: TemplateItem[]) {
  if (target.roomId) {
    const [room] = await tx
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.id, target.roomId), eq(rooms.clinicId, actor.clinicId)));
    if (!room) throw notFound("Room");
  }
  const ids = [...new Set(items.map((i) => i.equipmentId).filter((x): x is string => !!x))];
  if (!ids.length) return;
  const found = await tx
    .select({ id: equipment.id, roomId: equipment.roomId, kind: rooms.kind })
    .from(equipment)
    .innerJoin(rooms, eq(rooms.id, equipment.roomId))
    .where(and(inArray(equipment.id, ids), eq(equipment.clinicId, actor.clinicId)));
  if (found.length !== ids.length) throw notFound("Equipment");
  const wrong = found.filter((e) => (target.roomId ? e.roomId !== target.roomId : e.kind !== target.roomKind));
  if (wrong.length) {
    throw new AppError("VALIDATION", { key: "errors.rooms.equipmentElsewhere" });
  }
}

/** Rows for checklist_template_items, numbered in the order given. */
export function templateItemRows(templateId: string, items: TemplateItem[]) {
  return items.map((it, i) => ({ templateId, position: i + 1, label: it.label, required: it.required, equipmentId: it.equipmentId }));
}
