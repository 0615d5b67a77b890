import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { roomPrepItems, roomPreps } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { actorLocale } from "@/lib/i18n/actor-locale";
import { translatorFor } from "@/lib/i18n/translate";
import { completeRoomPrepSchema } from "./schemas";

/**
 * Mark the room ready. Refused while a required item is still open; a failed equipment check counts
 * as done (the equipment is flagged). Completing an already completed prep is a no-op, so a double
 * tap does not fail.
 */
export async function completeRoomPrep(actor: Actor, input: unknown) {
  assertCan(actor, "room:prep");
  const data = completeRoomPrepSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [prep] = await tx
      .select()
      .from(roomPreps)
      .where(and(eq(roomPreps.id, data.prepId), eq(roomPreps.clinicId, actor.clinicId)))
      .for("update");
    if (!prep) throw notFound("Room checklist");
    if (prep.status === "ready") return { prepId: prep.id, status: prep.status, alreadyReady: true };

    const open = await tx
      .select({ label: roomPrepItems.label })
      .from(roomPrepItems)
      .where(and(eq(roomPrepItems.prepId, prep.id), eq(roomPrepItems.required, true), sql`${roomPrepItems.result} is null`))
      .orderBy(roomPrepItems.position);
    if (open.length) {
      const list = open.slice(0, 3).map((o) => `“${o.label}”`).join(", ");
      const t = translatorFor(await actorLocale(actor));
      const items = open.length > 3 ? t("errors.rooms.andMore", { items: list, count: open.length - 3 }) : list;
      throw new AppError("CONFLICT", { key: "errors.rooms.requiredOpen", values: { count: open.length, items } });
    }
    await tx
      .update(roomPreps)
      .set({ status: "ready", completedBy: actor.id, completedAt: new Date(), version: sql`${roomPreps.version} + 1` })
      .where(eq(roomPreps.id, prep.id));
    await audit(tx, actor, {
      action: "room_prep.complete",
      entity: "room_prep",
      entityId: prep.id,
      detail: { roomId: prep.roomId, day: prep.day },
    });
    return { prepId: prep.id, status: "ready" as const, alreadyReady: false };
  });
}
