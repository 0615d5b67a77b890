import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roomPrepItems } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { lockItemForChange } from "./prep-lock";
import { uncheckPrepItemSchema } from "./schemas";

/** Undo a tick, allowed until the prep is completed. Equipment already flagged by a failed check
 * stays flagged: only someone who services it puts it back to OK. */
export async function uncheckPrepItem(actor: Actor, input: unknown) {
  assertCan(actor, "room:prep");
  const data = uncheckPrepItemSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const { item, prep } = await lockItemForChange(tx, actor, data.itemId);
    if (item.result === null) return { itemId: item.id, version: item.version };
    const [updated] = await tx
      .update(roomPrepItems)
      .set({ result: null, checkedBy: null, checkedAt: null, version: sql`${roomPrepItems.version} + 1` })
      .where(eq(roomPrepItems.id, item.id))
      .returning({ version: roomPrepItems.version });
    await audit(tx, actor, {
      action: "room_prep.item_uncheck",
      entity: "room_prep_item",
      entityId: item.id,
      detail: { prepId: prep.id, roomId: prep.roomId, day: prep.day, previous: item.result, previousBy: item.checkedBy },
    });
    return { itemId: item.id, version: updated!.version };
  });
}
