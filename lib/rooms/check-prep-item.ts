import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { equipment, roomPrepItems, roomPreps } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockItemForChange } from "./prep-lock";
import { checkPrepItemSchema } from "./schemas";

/**
 * Tick a checklist item (who and when are recorded). An item linked to equipment may instead be
 * marked failed: the equipment then needs service (an out-of-service item stays out of service).
 * Checking an item that is already checked the same way changes nothing, so a double tap is harmless.
 */
export async function checkPrepItem(actor: Actor, input: unknown) {
  assertCan(actor, "room:prep");
  const data = checkPrepItemSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const { item, prep } = await lockItemForChange(tx, actor, data.itemId);
    if (data.result === "failed" && !item.equipmentId) {
      throw new AppError("VALIDATION", { key: "errors.rooms.failOnlyEquipment" });
    }
    if (item.result === data.result) return { itemId: item.id, version: item.version, equipmentFlagged: false };

    const [updated] = await tx
      .update(roomPrepItems)
      .set({ result: data.result, checkedBy: actor.id, checkedAt: new Date(), version: sql`${roomPrepItems.version} + 1` })
      .where(eq(roomPrepItems.id, item.id))
      .returning({ version: roomPrepItems.version });
    if (prep.status === "not_started") {
      await tx.update(roomPreps).set({ status: "in_progress", version: sql`${roomPreps.version} + 1` }).where(eq(roomPreps.id, prep.id));
    }

    let equipmentFlagged = false;
    if (data.result === "failed" && item.equipmentId) {
      const flagged = await tx
        .update(equipment)
        .set({
          status: "needs_service",
          statusNote: `Failed room check on ${prep.day}: ${item.label}`.slice(0, 300),
          updatedAt: new Date(),
          version: sql`${equipment.version} + 1`,
        })
        .where(and(eq(equipment.id, item.equipmentId), eq(equipment.clinicId, actor.clinicId), eq(equipment.status, "ok")))
        .returning({ id: equipment.id });
      equipmentFlagged = flagged.length > 0;
      if (equipmentFlagged) {
        await audit(tx, actor, {
          action: "equipment.status_update",
          entity: "equipment",
          entityId: item.equipmentId,
          detail: { from: "ok", to: "needs_service", source: "room_prep", prepItemId: item.id },
        });
      }
    }
    await audit(tx, actor, {
      action: "room_prep.item_check",
      entity: "room_prep_item",
      entityId: item.id,
      detail: { prepId: prep.id, roomId: prep.roomId, day: prep.day, result: data.result, previous: item.result },
    });
    return { itemId: item.id, version: updated!.version, equipmentFlagged };
  });
}
