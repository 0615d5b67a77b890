import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { roomPrepItems, roomPreps } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError, notFound } from "@/lib/errors";

/**
 * Load a prep item and lock its prep for the rest of the transaction, so checking an item and
 * completing the prep never interleave (a completed prep must not change underneath). Another
 * clinic's item is not found.
 */
export async function lockItemForChange(tx: Tx, actor: Actor, itemId: string) {
  const [row] = await tx
    .select({ item: roomPrepItems, prep: { id: roomPreps.id, status: roomPreps.status, roomId: roomPreps.roomId, day: roomPreps.day } })
    .from(roomPrepItems)
    .innerJoin(roomPreps, eq(roomPreps.id, roomPrepItems.prepId))
    .where(and(eq(roomPrepItems.id, itemId), eq(roomPreps.clinicId, actor.clinicId)))
    .for("update", { of: roomPreps });
  if (!row) throw notFound("Checklist item");
  if (row.prep.status === "ready") {
    throw new AppError("CONFLICT", { key: "errors.rooms.alreadyReady" });
  }
  return row;
}
