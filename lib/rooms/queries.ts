import "server-only";
import { isFlaggedNotReady } from "./not-ready";
import { and, asc, count, eq, gte, lt, lte, min, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { appointments, equipment, roomPrepItems, roomPreps, rooms, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { addDays, clinicDayRange } from "@/lib/time";

export type PrepStatus = "not_started" | "in_progress" | "ready";
export const PREP_STATUS_LABEL: Record<PrepStatus, string> = { not_started: "Not started", in_progress: "In progress", ready: "Ready" };
export { isFlaggedNotReady, NOT_READY_LEAD_MINUTES } from "./not-ready";

export type RoomDayStatus = { status: PrepStatus; firstAppointmentAt: Date | null; flaggedNotReady: boolean };

/** Appointments (not cancelled) per room in the clinic-local day: first start and how many. */
function roomUseSubquery(actor: Actor, day: string) {
  const { start, end } = clinicDayRange(day, actor.clinic.timeZone);
  return getDb()
    .select({ roomId: appointments.roomId, first: min(appointments.startsAt).as("first_at"), n: count().as("n") })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, actor.clinicId),
        ne(appointments.status, "cancelled"),
        gte(appointments.startsAt, start),
        lt(appointments.startsAt, end),
      ),
    )
    .groupBy(appointments.roomId)
    .as("use");
}

export type RoomDayRow = {
  id: string;
  name: string;
  kind: string;
  appointments: number;
  prepId: string | null;
  outOfService: string[];
  needsService: string[];
} & RoomDayStatus;

/** Every active room of the clinic with its prep status for `day`; rooms in use first, by first appointment. */
export async function listRoomsForDay(actor: Actor, day: string, now = new Date()): Promise<RoomDayRow[]> {
  assertCan(actor, "room:list");
  const use = roomUseSubquery(actor, day);
  const rows = await getDb()
    .select({
      id: rooms.id,
      name: rooms.name,
      kind: rooms.kind,
      first: use.first,
      n: use.n,
      prepId: roomPreps.id,
      status: roomPreps.status,
    })
    .from(rooms)
    .leftJoin(use, eq(use.roomId, rooms.id))
    .leftJoin(roomPreps, and(eq(roomPreps.roomId, rooms.id), eq(roomPreps.day, day)))
    .where(and(eq(rooms.clinicId, actor.clinicId), eq(rooms.active, true)))
    .orderBy(asc(rooms.name));
  const alerts = await equipmentAlertsByRoom(actor);
  return rows
    .map((r) => {
      const status: PrepStatus = r.status ?? "not_started";
      const first = r.first ? new Date(r.first) : null;
      return {
        id: r.id,
        name: r.name,
        kind: r.kind,
        appointments: Number(r.n ?? 0),
        prepId: r.prepId,
        status,
        firstAppointmentAt: first,
        flaggedNotReady: isFlaggedNotReady(status, first, now),
        outOfService: alerts[r.id]?.outOfService ?? [],
        needsService: alerts[r.id]?.needsService ?? [],
      };
    })
    .sort((a, b) => (a.firstAppointmentAt?.getTime() ?? Infinity) - (b.firstAppointmentAt?.getTime() ?? Infinity));
}

/**
 * Ready / in progress / not started for each room in use on `day` (or already being prepared), with
 * its first appointment and whether it is flagged (not ready 15 minutes before that appointment).
 * For Today and the schedule: look up an appointment's room id.
 */
export async function roomPrepStatusForDay(actor: Actor, day: string, now = new Date()): Promise<Record<string, RoomDayStatus>> {
  const rows = await listRoomsForDay(actor, day, now);
  const out: Record<string, RoomDayStatus> = {};
  for (const r of rows) {
    if (r.appointments === 0 && !r.prepId) continue;
    out[r.id] = { status: r.status, firstAppointmentAt: r.firstAppointmentAt, flaggedNotReady: r.flaggedNotReady };
  }
  return out;
}

/** Equipment that is not OK, by room id: for the rooms page, Today and appointments in that room. */
export async function equipmentAlertsByRoom(actor: Actor): Promise<Record<string, { outOfService: string[]; needsService: string[] }>> {
  assertCan(actor, "room:list");
  const rows = await getDb()
    .select({ roomId: equipment.roomId, name: equipment.name, status: equipment.status })
    .from(equipment)
    .where(and(eq(equipment.clinicId, actor.clinicId), ne(equipment.status, "ok")))
    .orderBy(asc(equipment.name));
  const out: Record<string, { outOfService: string[]; needsService: string[] }> = {};
  for (const r of rows) {
    const e = (out[r.roomId] ??= { outOfService: [], needsService: [] });
    (r.status === "out_of_service" ? e.outOfService : e.needsService).push(r.name);
  }
  return out;
}

const checker = alias(users, "checker");
const completer = alias(users, "completer");

/** One room for one day: the room, its prep (if created) with items, its equipment and appointments. */
export async function getRoomDay(actor: Actor, roomId: string, day: string) {
  assertCan(actor, "room:list");
  const db = getDb();
  const [room] = await db
    .select({ id: rooms.id, name: rooms.name, kind: rooms.kind })
    .from(rooms)
    .where(and(eq(rooms.id, roomId), eq(rooms.clinicId, actor.clinicId)));
  if (!room) throw notFound("Room");
  const { start, end } = clinicDayRange(day, actor.clinic.timeZone);
  const [prepRows, equipmentRows, appts] = await Promise.all([
    db
      .select({ prep: roomPreps, completedByName: completer.name })
      .from(roomPreps)
      .leftJoin(completer, eq(completer.id, roomPreps.completedBy))
      .where(and(eq(roomPreps.roomId, room.id), eq(roomPreps.day, day))),
    db.select().from(equipment).where(eq(equipment.roomId, room.id)).orderBy(asc(equipment.name)),
    db
      .select({ startsAt: appointments.startsAt })
      .from(appointments)
      .where(and(eq(appointments.roomId, room.id), ne(appointments.status, "cancelled"), gte(appointments.startsAt, start), lt(appointments.startsAt, end)))
      .orderBy(asc(appointments.startsAt)),
  ]);
  const prepRow = prepRows[0];
  const items = prepRow
    ? await db
        .select({
          id: roomPrepItems.id,
          position: roomPrepItems.position,
          label: roomPrepItems.label,
          required: roomPrepItems.required,
          equipmentId: roomPrepItems.equipmentId,
          result: roomPrepItems.result,
          checkedAt: roomPrepItems.checkedAt,
          checkedByName: checker.name,
          note: roomPrepItems.note,
          version: roomPrepItems.version,
        })
        .from(roomPrepItems)
        .leftJoin(checker, eq(checker.id, roomPrepItems.checkedBy))
        .where(eq(roomPrepItems.prepId, prepRow.prep.id))
        .orderBy(asc(roomPrepItems.position))
    : [];
  return {
    room,
    prep: prepRow
      ? {
          id: prepRow.prep.id,
          status: prepRow.prep.status,
          completedAt: prepRow.prep.completedAt,
          completedByName: prepRow.completedByName,
          hasTemplate: prepRow.prep.templateId !== null,
          items,
        }
      : null,
    equipment: equipmentRows,
    appointmentTimes: appts.map((a) => a.startsAt),
  };
}
export type RoomDay = Awaited<ReturnType<typeof getRoomDay>>;
export type PrepItemView = NonNullable<RoomDay["prep"]>["items"][number];

/** Equipment whose maintenance falls due within `withinDays` of today (or is overdue), soonest first. */
export async function listMaintenanceDue(actor: Actor, today: string, withinDays = 7) {
  assertCan(actor, "room:list");
  return getDb()
    .select({
      id: equipment.id,
      name: equipment.name,
      status: equipment.status,
      nextMaintenanceOn: equipment.nextMaintenanceOn,
      roomId: rooms.id,
      roomName: rooms.name,
    })
    .from(equipment)
    .innerJoin(rooms, eq(rooms.id, equipment.roomId))
    .where(and(eq(equipment.clinicId, actor.clinicId), lte(equipment.nextMaintenanceOn, addDays(today, withinDays))))
    .orderBy(asc(equipment.nextMaintenanceOn), asc(equipment.name));
}
