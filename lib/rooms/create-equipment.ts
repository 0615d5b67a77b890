import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { equipment, rooms } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { createEquipmentSchema } from "./schemas";

/** Add a piece of equipment to a room (admins). The id comes from the form, so a retried save adds one. */
export async function createEquipment(actor: Actor, input: unknown) {
  assertCan(actor, "room:manage");
  const data = createEquipmentSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [room] = await tx
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.id, data.roomId), eq(rooms.clinicId, actor.clinicId)));
    if (!room) throw notFound("Room");
    const [row] = await tx
      .insert(equipment)
      .values({ id: data.id, clinicId: actor.clinicId, roomId: room.id, name: data.name, nextMaintenanceOn: data.nextMaintenanceOn })
      .onConflictDoNothing({ target: equipment.id })
      .returning({ id: equipment.id });
    if (!row) return { equipmentId: data.id, created: false };
    await audit(tx, actor, {
      action: "equipment.create",
      entity: "equipment",
      entityId: row.id,
      detail: { roomId: room.id, nextMaintenanceOn: data.nextMaintenanceOn },
    });
    return { equipmentId: row.id, created: true };
  });
}
