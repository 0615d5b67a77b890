import "server-only";
import { and, asc, eq, inArray, isNull, ne, gte, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { appointments, roomPrepItems, roomPreps, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ensureRoomPrep } from "@/lib/rooms/ensure-room-prep";
import { listRoomsForDay } from "@/lib/rooms/queries";
import { listSupplies } from "@/lib/supplies/queries";
import type { WsRoom, WsRoomPrep, WsSupply } from "./protocol";
import type { Window } from "./working-set-scope";

/**
 * Rooms of the aide's appointments today get their prep created now, as opening the room online does
 * (lib/rooms/ensure-room-prep.ts), so its checklist can be ticked offline. One query when nothing is
 * missing (the usual case); ensureRoomPrep per missing room otherwise (the first pull of the day).
 */
export async function ensureTodayPreps(actor: Actor, w: Window): Promise<number> {
  assertCan(actor, "offline:sync");
  const missing = await getDb()
    .selectDistinct({ roomId: appointments.roomId })
    .from(appointments)
    .leftJoin(roomPreps, and(eq(roomPreps.roomId, appointments.roomId), eq(roomPreps.day, w.today)))
    .where(
      and(
        eq(appointments.clinicId, actor.clinicId),
        eq(appointments.assistantId, actor.id),
        ne(appointments.status, "cancelled"),
        gte(appointments.startsAt, w.todayStart),
        lt(appointments.startsAt, w.todayEnd),
        isNull(roomPreps.id),
      ),
    );
  for (const m of missing) await ensureRoomPrep(actor, { roomId: m.roomId, day: w.today });
  return missing.length;
}

const checker = alias(users, "checker");
const completer = alias(users, "completer");

/** Every active room of the clinic with today's status, today's preps with their items, supplies:
 * the same queries the rooms and supplies pages use, plus two for all preps' items at once. */
export async function roomsPart(actor: Actor, w: Window, now: Date): Promise<{ rooms: WsRoom[]; roomPreps: WsRoomPrep[]; supplies: WsSupply[] }> {
  assertCan(actor, "room:list");
  const db = getDb();
  const [roomRows, preps, supplyRows] = await Promise.all([
    listRoomsForDay(actor, w.today, now),
    db
      .select({ prep: roomPreps, completedByName: completer.name })
      .from(roomPreps)
      .leftJoin(completer, eq(completer.id, roomPreps.completedBy))
      .where(and(eq(roomPreps.clinicId, actor.clinicId), eq(roomPreps.day, w.today))),
    listSupplies(actor),
  ]);
  const items = preps.length
    ? await db
        .select({ item: roomPrepItems, checkedByName: checker.name })
        .from(roomPrepItems)
        .leftJoin(checker, eq(checker.id, roomPrepItems.checkedBy))
        .where(inArray(roomPrepItems.prepId, preps.map((p) => p.prep.id)))
        .orderBy(asc(roomPrepItems.prepId), asc(roomPrepItems.position))
    : [];
  return {
    rooms: roomRows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      appointmentsToday: r.appointments,
      firstAppointmentAt: r.firstAppointmentAt?.toISOString() ?? null,
      prepId: r.prepId,
      outOfService: r.outOfService,
      needsService: r.needsService,
    })),
    roomPreps: preps.map(({ prep, completedByName }) => ({
      id: prep.id,
      roomId: prep.roomId,
      day: prep.day,
      status: prep.status,
      completedAt: prep.completedAt?.toISOString() ?? null,
      completedByName,
      items: items
        .filter((i) => i.item.prepId === prep.id)
        .map(({ item, checkedByName }) => ({
          id: item.id,
          position: item.position,
          label: item.label,
          required: item.required,
          equipmentId: item.equipmentId,
          result: item.result,
          checkedAt: item.checkedAt?.toISOString() ?? null,
          checkedByName,
          note: item.note,
          version: item.version,
        })),
    })),
    supplies: supplyRows.map((s) => ({ id: s.id, name: s.name, unit: s.unit, onHand: s.onHand, reorderLevel: s.reorderLevel, low: s.low })),
  };
}
