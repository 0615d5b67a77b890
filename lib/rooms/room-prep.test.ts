import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, checklistTemplateItems, equipment, roomPrepItems, roomPreps, rooms } from "@/db/schema";
import { demo, demoId } from "@/db/seed";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicToday } from "@/lib/time";
import { checkPrepItem } from "./check-prep-item";
import { completeRoomPrep } from "./complete-room-prep";
import { ensureRoomPrep } from "./ensure-room-prep";
import { getRoomDay, isFlaggedNotReady, listRoomsForDay, roomPrepStatusForDay } from "./queries";
import { setPrepItemNote } from "./set-prep-item-note";
import { uncheckPrepItem } from "./uncheck-prep-item";

beforeAll(seedDemoOnce);

const today = () => clinicToday("America/Los_Angeles");
const lastAudit = async (action: string) =>
  (await getDb().select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1))[0];

async function prepFor(room: string, email: string = DEMO.ana) {
  const ana = await actorFor(email);
  const { prepId } = await ensureRoomPrep(ana, { roomId: demo.room("sunrise", room), day: today() });
  const items = await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.prepId, prepId)).orderBy(roomPrepItems.position);
  return { ana, prepId, items };
}

describe("ensureRoomPrep", () => {
  it("creates one prep per room and day, copying the template's items, even under 10 concurrent calls", async () => {
    const ana = await actorFor(DEMO.ana);
    const input = { roomId: demo.room("sunrise", "gym"), day: today() };
    const results = await Promise.all(Array.from({ length: 10 }, () => ensureRoomPrep(ana, input)));
    expect(new Set(results.map((r) => r.prepId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await getDb().select().from(roomPreps).where(and(eq(roomPreps.roomId, input.roomId), eq(roomPreps.day, input.day)));
    expect(rows).toHaveLength(1);
    const items = await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.prepId, rows[0]!.id));
    expect(items).toHaveLength(6);
    expect(items.filter((i) => i.equipmentId)).toHaveLength(3);
    expect(await lastAudit("room_prep.create")).toMatchObject({ actorId: ana.id, entityId: rows[0]!.id });
  });

  it("keeps its copied items when the template is edited later", async () => {
    const { items } = await prepFor("speech");
    await getDb()
      .update(checklistTemplateItems)
      .set({ label: "Changed after the prep was made" })
      .where(eq(checklistTemplateItems.id, demoId("sunrise:checklist:speech:item:1")));
    const { items: again } = await prepFor("speech");
    expect(again.map((i) => i.label)).toEqual(items.map((i) => i.label));
    expect(again[0]!.label).toBe("Table and chairs wiped");
  });

  it("refuses admins (no prep role), past days, and another clinic's room (not found)", async () => {
    await expect(ensureRoomPrep(await actorFor(DEMO.admin), { roomId: demo.room("sunrise", "gym"), day: today() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const ana = await actorFor(DEMO.ana);
    await expect(ensureRoomPrep(ana, { roomId: demo.room("sunrise", "gym"), day: addDays(today(), -1) })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(ensureRoomPrep(ana, { roomId: demo.room("harbor", "gym"), day: today() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ensureRoomPrep(ana, { roomId: "not-a-uuid", day: today() })).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("checkPrepItem / uncheckPrepItem / setPrepItemNote", () => {
  it("checks an item, records who and when, starts the prep, and audits", async () => {
    const { ana, prepId, items } = await prepFor("tr1");
    const res = await checkPrepItem(ana, { itemId: items[0]!.id });
    expect(res.version).toBe(2);
    const [row] = await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.id, items[0]!.id));
    expect(row).toMatchObject({ result: "ok", checkedBy: ana.id });
    expect(row!.checkedAt).toBeInstanceOf(Date);
    const [prep] = await getDb().select().from(roomPreps).where(eq(roomPreps.id, prepId));
    expect(prep!.status).toBe("in_progress");
    expect(await lastAudit("room_prep.item_check")).toMatchObject({ actorId: ana.id, entityId: items[0]!.id, detail: { result: "ok", prepId } });
    // a double tap changes nothing
    expect((await checkPrepItem(ana, { itemId: items[0]!.id })).version).toBe(2);
  });

  it("unchecks (undo) and audits who had checked it", async () => {
    const { ana, items } = await prepFor("tr1");
    await checkPrepItem(ana, { itemId: items[3]!.id });
    await uncheckPrepItem(ana, { itemId: items[3]!.id });
    const [row] = await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.id, items[3]!.id));
    expect(row).toMatchObject({ result: null, checkedBy: null, checkedAt: null });
    expect(await lastAudit("room_prep.item_uncheck")).toMatchObject({ actorId: ana.id, detail: { previous: "ok", previousBy: ana.id } });
  });

  it("a failed check of linked equipment marks it needs service; unlinked items cannot fail", async () => {
    const { ana, items } = await prepFor("tr1");
    const heater = items.find((i) => i.label.startsWith("Hot pack heater"))!;
    const res = await checkPrepItem(ana, { itemId: heater.id, result: "failed" });
    expect(res.equipmentFlagged).toBe(true);
    const [eqRow] = await getDb().select().from(equipment).where(eq(equipment.id, heater.equipmentId!));
    expect(eqRow!.status).toBe("needs_service");
    expect(await lastAudit("equipment.status_update")).toMatchObject({ actorId: ana.id, entityId: heater.equipmentId, detail: { to: "needs_service", source: "room_prep" } });
    const pillows = items.find((i) => !i.equipmentId)!;
    await expect(checkPrepItem(ana, { itemId: pillows.id, result: "failed" })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("adds a note with optimistic concurrency and keeps the text out of the audit row", async () => {
    const { ana, items } = await prepFor("tr1");
    const item = (await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.id, items[4]!.id)))[0]!;
    const res = await setPrepItemNote(ana, { itemId: item.id, note: "Call light cord frayed, taped for now", version: item.version });
    expect(res.note).toBe("Call light cord frayed, taped for now");
    await expect(setPrepItemNote(ana, { itemId: item.id, note: "stale", version: item.version })).rejects.toMatchObject({ code: "CONFLICT" });
    const ev = await lastAudit("room_prep.item_note");
    expect(ev).toMatchObject({ entityId: item.id, detail: { noteLength: 37 } });
    expect(JSON.stringify(ev!.detail)).not.toContain("frayed");
  });

  it("refuses admins, and another clinic's assistant gets not found", async () => {
    const { items } = await prepFor("tr1");
    await expect(checkPrepItem(await actorFor(DEMO.admin), { itemId: items[1]!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const hugo = await actorFor(DEMO.hugo);
    await expect(checkPrepItem(hugo, { itemId: items[1]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(uncheckPrepItem(hugo, { itemId: items[1]!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completeRoomPrep(hugo, { prepId: items[1]!.prepId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("completeRoomPrep", () => {
  it("is refused while required items are open, then marks the room ready and freezes the checklist", async () => {
    const { ana, prepId, items } = await prepFor("sensory");
    await expect(completeRoomPrep(ana, { prepId })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("3 required items are still open") });
    for (const it of items.filter((i) => i.required)) await checkPrepItem(ana, { itemId: it.id });
    const res = await completeRoomPrep(ana, { prepId });
    expect(res).toMatchObject({ status: "ready", alreadyReady: false });
    expect(await lastAudit("room_prep.complete")).toMatchObject({ actorId: ana.id, entityId: prepId });
    // double submit is harmless
    expect(await completeRoomPrep(ana, { prepId })).toMatchObject({ status: "ready", alreadyReady: true });
    // undo is no longer allowed
    await expect(uncheckPrepItem(ana, { itemId: items[0]!.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(checkPrepItem(ana, { itemId: items[4]!.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const view = await getRoomDay(ana, demo.room("sunrise", "sensory"), today());
    expect(view.prep).toMatchObject({ status: "ready", completedByName: "Ana Alvarez" });
    expect(view.prep!.items[0]!.checkedByName).toBe("Ana Alvarez");
  });

  it("a room with no checklist gets an empty prep that can be marked ready", async () => {
    const [pool] = await getDb()
      .insert(rooms)
      .values({ clinicId: demo.clinic("sunrise"), name: "Pool", kind: "aquatic" })
      .returning({ id: rooms.id });
    const sam = await actorFor(DEMO.sam);
    const { prepId } = await ensureRoomPrep(sam, { roomId: pool!.id, day: today() });
    expect(await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.prepId, prepId))).toEqual([]);
    expect(await completeRoomPrep(sam, { prepId })).toMatchObject({ status: "ready" });
  });

  it("a therapist may complete a prep too; an admin may not", async () => {
    await expect(completeRoomPrep(await actorFor(DEMO.admin), { prepId: demoId("nothing") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completeRoomPrep(await actorFor(DEMO.peter), { prepId: demoId("nothing") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("roomPrepStatusForDay", () => {
  it("gives each room in use its status, first appointment and the 15-minute flag", async () => {
    const admin = await actorFor(DEMO.admin);
    const status = await roomPrepStatusForDay(admin, today());
    const sensory = status[demo.room("sunrise", "sensory")]!;
    expect(sensory.status).toBe("ready");
    expect(sensory.flaggedNotReady).toBe(false);
    const gym = status[demo.room("sunrise", "gym")]!;
    expect(gym.firstAppointmentAt).toBeInstanceOf(Date);
    // 20 minutes before: not flagged; 10 minutes before: flagged
    const first = gym.firstAppointmentAt!.getTime();
    expect(isFlaggedNotReady(gym.status, gym.firstAppointmentAt, new Date(first - 20 * 60_000))).toBe(false);
    const at10 = await roomPrepStatusForDay(admin, today(), new Date(first - 10 * 60_000));
    expect(at10[demo.room("sunrise", "gym")]!.flaggedNotReady).toBe(true);
    expect(at10[demo.room("sunrise", "sensory")]!.flaggedNotReady).toBe(false);
    // once that first session has started the flag is gone (issue 11 item 8)
    expect(isFlaggedNotReady(gym.status, gym.firstAppointmentAt, new Date(first))).toBe(false);
    expect(isFlaggedNotReady(gym.status, gym.firstAppointmentAt, new Date(first + 5 * 60_000))).toBe(false);
    // the other clinic's rooms are not in the answer
    expect(status[demo.room("harbor", "gym")]).toBeUndefined();
  });

  it("shows out-of-service equipment on the room", async () => {
    const rows = await listRoomsForDay(await actorFor(DEMO.peter), today());
    expect(rows.find((r) => r.name === "Main Gym")!.outOfService).toEqual(["Treadmill"]);
    expect(rows.every((r) => !r.name.startsWith("Harbor"))).toBe(true);
  });
});
