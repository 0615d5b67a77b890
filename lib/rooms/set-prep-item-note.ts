import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roomPrepItems } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict } from "@/lib/errors";
import { lockItemForChange } from "./prep-lock";
import { prepItemNoteSchema } from "./schemas";

/** Add or change the note on a checklist item ("Bolster cover torn, using spare"). Empty clears it. */
export async function setPrepItemNote(actor: Actor, input: unknown) {
  assertCan(actor, "room:prep");
  const data = prepItemNoteSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const { item, prep } = await lockItemForChange(tx, actor, data.itemId);
    const [updated] = await tx
      .update(roomPrepItems)
      .set({ note: data.note === "" ? null : data.note, version: sql`${roomPrepItems.version} + 1` })
      .where(and(eq(roomPrepItems.id, item.id), eq(roomPrepItems.version, data.version)))
      .returning({ version: roomPrepItems.version });
    if (!updated) throw conflict({ key: "errors.rooms.itemStale" });
    await audit(tx, actor, {
      action: "room_prep.item_note",
      entity: "room_prep_item",
      entityId: item.id,
      // the note text itself stays out of the audit trail: ids and lengths only
      detail: { prepId: prep.id, roomId: prep.roomId, noteLength: data.note.length },
    });
    return { itemId: item.id, version: updated.version, note: data.note === "" ? null : data.note };
  });
}
