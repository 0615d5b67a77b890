import "server-only";
import { and, asc, desc, eq, isNull, or, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { checklistTemplateItems, checklistTemplates, roomPrepItems, roomPreps, rooms } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { addDays, clinicToday } from "@/lib/time";
import { ensureRoomPrepSchema } from "./schemas";

/**
 * The room's prep for a clinic-local day, created the first time anyone needs it. Its items are
 * copied from the room's checklist template (a template for the room wins over one for its kind), so
 * later template edits never change it. Exactly one per room and day, even when several tablets open
 * the room at once: the insert is ON CONFLICT DO NOTHING on room_preps_room_day_key, and the items
 * are written in the same transaction, so whoever loses the race reads the winner's complete prep.
 */
export async function ensureRoomPrep(actor: Actor, input: unknown): Promise<{ prepId: string; created: boolean }> {
  assertCan(actor, "room:prep");
  const data = ensureRoomPrepSchema.parse(input);
  const today = clinicToday(actor.clinic.timeZone);
  if (data.day < today || data.day > addDays(today, 7)) {
    throw new AppError("VALIDATION", { key: "errors.rooms.prepWindow" });
  }
  const db = getDb();
  const [room] = await db
    .select({ id: rooms.id, kind: rooms.kind, active: rooms.active })
    .from(rooms)
    .where(and(eq(rooms.id, data.roomId), eq(rooms.clinicId, actor.clinicId)));
  if (!room) throw notFound("Room");
  if (!room.active) throw new AppError("CONFLICT", { key: "errors.rooms.roomInactive" });

  const existing = await findPrep(data.roomId, data.day);
  if (existing) return { prepId: existing, created: false };

  return db.transaction(async (tx) => {
    const [template] = await tx
      .select({ id: checklistTemplates.id })
      .from(checklistTemplates)
      .where(
        and(
          eq(checklistTemplates.clinicId, actor.clinicId),
          eq(checklistTemplates.active, true),
          or(eq(checklistTemplates.roomId, room.id), and(isNull(checklistTemplates.roomId), eq(checklistTemplates.roomKind, room.kind))),
        ),
      )
      // the room's own checklist first, then the newest one for its kind
      .orderBy(sql`${checklistTemplates.roomId} is null`, desc(checklistTemplates.createdAt))
      .limit(1);

    const [inserted] = await tx
      .insert(roomPreps)
      .values({ clinicId: actor.clinicId, roomId: room.id, day: data.day, templateId: template?.id ?? null })
      .onConflictDoNothing({ target: [roomPreps.roomId, roomPreps.day] })
      .returning({ id: roomPreps.id });
    if (!inserted) {
      const id = await findPrep(room.id, data.day, tx);
      if (!id) throw new AppError("CONFLICT", { key: "errors.rooms.prepRace" });
      return { prepId: id, created: false };
    }

    if (template) {
      const items = await tx
        .select()
        .from(checklistTemplateItems)
        .where(and(eq(checklistTemplateItems.templateId, template.id), eq(checklistTemplateItems.active, true)))
        .orderBy(asc(checklistTemplateItems.position));
      if (items.length) {
        await tx.insert(roomPrepItems).values(
          items.map((it, i) => ({ prepId: inserted.id, position: i + 1, label: it.label, required: it.required, equipmentId: it.equipmentId })),
        );
      }
    }
    await audit(tx, actor, {
      action: "room_prep.create",
      entity: "room_prep",
      entityId: inserted.id,
      detail: { roomId: room.id, day: data.day, templateId: template?.id ?? null },
    });
    return { prepId: inserted.id, created: true };
  });
}

async function findPrep(roomId: string, day: string, q: Queryable = getDb()): Promise<string | null> {
  const [row] = await q
    .select({ id: roomPreps.id })
    .from(roomPreps)
    .where(and(eq(roomPreps.roomId, roomId), eq(roomPreps.day, day)));
  return row?.id ?? null;
}
