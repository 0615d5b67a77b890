import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checklistTemplateItems, checklistTemplates, equipment, rooms } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

/** Templates with their item counts and what they apply to. */
export async function listChecklistTemplates(actor: Actor) {
  assertCan(actor, "room:list");
  return getDb()
    .select({
      id: checklistTemplates.id,
      name: checklistTemplates.name,
      roomKind: checklistTemplates.roomKind,
      roomName: rooms.name,
      items: sql<number>`(select count(*)::int from ${checklistTemplateItems} where ${checklistTemplateItems.templateId} = ${checklistTemplates.id} and ${checklistTemplateItems.active})`,
    })
    .from(checklistTemplates)
    .leftJoin(rooms, eq(rooms.id, checklistTemplates.roomId))
    .where(and(eq(checklistTemplates.clinicId, actor.clinicId), eq(checklistTemplates.active, true)))
    .orderBy(asc(checklistTemplates.name));
}

export async function getChecklistTemplate(actor: Actor, templateId: string) {
  assertCan(actor, "checklist:manage");
  const [t] = await getDb()
    .select()
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.id, templateId), eq(checklistTemplates.clinicId, actor.clinicId)));
  if (!t) throw notFound("Checklist");
  const items = await getDb()
    .select()
    .from(checklistTemplateItems)
    .where(and(eq(checklistTemplateItems.templateId, t.id), eq(checklistTemplateItems.active, true)))
    .orderBy(asc(checklistTemplateItems.position));
  return { ...t, items };
}

/** Rooms and their equipment, for choosing what a checklist applies to and links to. */
export async function listRoomsWithEquipment(actor: Actor) {
  assertCan(actor, "room:list");
  const db = getDb();
  const roomRows = await db
    .select({ id: rooms.id, name: rooms.name, kind: rooms.kind })
    .from(rooms)
    .where(and(eq(rooms.clinicId, actor.clinicId), eq(rooms.active, true)))
    .orderBy(asc(rooms.name));
  const eq_ = roomRows.length
    ? await db
        .select({ id: equipment.id, name: equipment.name, roomId: equipment.roomId })
        .from(equipment)
        .where(and(eq(equipment.clinicId, actor.clinicId), inArray(equipment.roomId, roomRows.map((r) => r.id))))
        .orderBy(asc(equipment.name))
    : [];
  return roomRows.map((r) => ({ ...r, equipment: eq_.filter((e) => e.roomId === r.id) }));
}
