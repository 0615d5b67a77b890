import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { equipment } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { equipmentStatusSchema } from "./schemas";

/** Set a piece of equipment's status (ok / needs service / out of service) and next maintenance date. */
export async function setEquipmentStatus(actor: Actor, input: unknown) {
  assertCan(actor, "equipment:update");
  const data = equipmentStatusSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ status: equipment.status, nextMaintenanceOn: equipment.nextMaintenanceOn, version: equipment.version })
      .from(equipment)
      .where(and(eq(equipment.id, data.equipmentId), eq(equipment.clinicId, actor.clinicId)));
    if (!before) throw notFound("Equipment");
    const [row] = await tx
      .update(equipment)
      .set({
        status: data.status,
        statusNote: data.statusNote === "" ? null : data.statusNote,
        nextMaintenanceOn: data.nextMaintenanceOn,
        updatedAt: new Date(),
        version: sql`${equipment.version} + 1`,
      })
      .where(and(eq(equipment.id, data.equipmentId), eq(equipment.clinicId, actor.clinicId), eq(equipment.version, data.version)))
      .returning({ version: equipment.version });
    if (!row) throw conflict({ key: "errors.rooms.equipmentStale" });
    await audit(tx, actor, {
      action: "equipment.status_update",
      entity: "equipment",
      entityId: data.equipmentId,
      detail: {
        from: before.status,
        to: data.status,
        nextMaintenanceOn: { from: before.nextMaintenanceOn, to: data.nextMaintenanceOn },
      },
    });
    return { version: row.version };
  });
}
