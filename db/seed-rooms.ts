import type { Tx } from "./client";
import { checklistTemplateItems, checklistTemplates, equipment, supplies } from "./schema";

type Key = (k: string) => string;
type RoomKind = "gym" | "treatment" | "sensory" | "speech";
type SeedEquipment = { key: string; name: string; status?: "out_of_service" | "needs_service"; note?: string; maintenanceInDays: number };
type SeedItem = { label: string; required: boolean; equipment?: string };

export type ClinicRooms = {
  /** room key (as in seed.ts) → its kind and equipment */
  rooms: Record<string, { kind: RoomKind; equipment: SeedEquipment[] }>;
  supplies: { key: string; name: string; unit: string; onHand: number; reorderLevel: number }[];
};

/** One checklist per room kind; an item's equipment link is resolved in the clinic's room of that kind. */
const TEMPLATES: Record<RoomKind, { name: string; items: SeedItem[] }> = {
  gym: {
    name: "Gym opening check",
    items: [
      { label: "Mat table wiped with disinfectant and covered", required: true, equipment: "matTable" },
      { label: "Parallel bars height set and locked", required: true, equipment: "bars" },
      { label: "Gait belt at station", required: true },
      { label: "Bike seat, pedals and straps checked", required: true, equipment: "bike" },
      { label: "Floor clear of cones, weights and cords", required: true },
      { label: "Hand sanitizer refilled", required: false },
    ],
  },
  treatment: {
    name: "Treatment room setup",
    items: [
      { label: "Treatment table wiped and covered with fresh paper", required: true, equipment: "table" },
      { label: "Hot pack heater at 160–170 °F", required: true, equipment: "hydrocollator" },
      { label: "Electrodes and leads intact", required: true, equipment: "stim" },
      { label: "Pillows, towels and bolsters stocked", required: true },
      { label: "Call light within reach of the table", required: true },
      { label: "Latex-free gloves stocked", required: false },
    ],
  },
  sensory: {
    name: "Sensory room safety check",
    items: [
      { label: "Platform swing hooks, ropes and straps inspected", required: true, equipment: "swing" },
      { label: "Crash pad and mats in place under the swing", required: true, equipment: "crashPad" },
      { label: "Weighted vests (S and M) on the hook", required: true },
      { label: "Ball pit balls wiped", required: false },
      { label: "Lights dimmed and noise machine off", required: false },
    ],
  },
  speech: {
    name: "Speech room setup",
    items: [
      { label: "Table and chairs wiped", required: true },
      { label: "AAC tablet charged and on the table", required: true, equipment: "aac" },
      { label: "Picture cards sorted for today's sessions", required: true },
      { label: "Mirror cleaned", required: false },
    ],
  },
};

export const SUNRISE_ROOMS: ClinicRooms = {
  rooms: {
    gym: {
      kind: "gym",
      equipment: [
        { key: "matTable", name: "Mat table", maintenanceInDays: 90 },
        { key: "bars", name: "Parallel bars", maintenanceInDays: 120 },
        { key: "bike", name: "Recumbent bike", maintenanceInDays: 3 },
        { key: "treadmill", name: "Treadmill", status: "out_of_service", note: "Belt slipping; service call booked", maintenanceInDays: 10 },
      ],
    },
    tr1: {
      kind: "treatment",
      equipment: [
        { key: "table", name: "Hi-lo treatment table", maintenanceInDays: 150 },
        { key: "hydrocollator", name: "Hot pack heater (hydrocollator)", maintenanceInDays: 45 },
        { key: "stim", name: "TENS / e-stim unit", maintenanceInDays: 60 },
      ],
    },
    sensory: {
      kind: "sensory",
      equipment: [
        { key: "swing", name: "Platform swing", maintenanceInDays: 30 },
        { key: "crashPad", name: "Crash pad", maintenanceInDays: 180 },
      ],
    },
    speech: { kind: "speech", equipment: [{ key: "aac", name: "AAC tablet", maintenanceInDays: 200 }] },
  },
  supplies: [
    { key: "gaitBelts", name: "Gait belts", unit: "each", onHand: 14, reorderLevel: 6 },
    { key: "tablePaper", name: "Exam table paper", unit: "rolls", onHand: 2, reorderLevel: 4 },
    { key: "wipes", name: "Disinfectant wipes", unit: "canisters", onHand: 9, reorderLevel: 4 },
    { key: "glovesM", name: "Gloves, latex-free (M)", unit: "boxes", onHand: 12, reorderLevel: 5 },
    { key: "glovesL", name: "Gloves, latex-free (L)", unit: "boxes", onHand: 8, reorderLevel: 5 },
    { key: "bandYellow", name: "Theraband, yellow", unit: "rolls", onHand: 5, reorderLevel: 2 },
    { key: "bandRed", name: "Theraband, red", unit: "rolls", onHand: 6, reorderLevel: 2 },
    { key: "bandGreen", name: "Theraband, green", unit: "rolls", onHand: 7, reorderLevel: 2 },
    { key: "hotPackCovers", name: "Hot pack covers", unit: "each", onHand: 10, reorderLevel: 4 },
    { key: "electrodes", name: "Electrode pads", unit: "packs", onHand: 15, reorderLevel: 6 },
  ],
};

export const HARBOR_ROOMS: ClinicRooms = {
  rooms: {
    gym: {
      kind: "gym",
      equipment: [
        { key: "matTable", name: "Mat table", maintenanceInDays: 75 },
        { key: "bars", name: "Parallel bars", maintenanceInDays: 100 },
        { key: "bike", name: "Stationary bike", status: "out_of_service", note: "Pedal crank cracked", maintenanceInDays: 14 },
      ],
    },
    tr1: {
      kind: "treatment",
      equipment: [
        { key: "table", name: "Treatment table", maintenanceInDays: 2 },
        { key: "stim", name: "Ultrasound / e-stim combo unit", maintenanceInDays: 40 },
      ],
    },
  },
  supplies: [
    { key: "gaitBelts", name: "Gait belts", unit: "each", onHand: 6, reorderLevel: 3 },
    { key: "tablePaper", name: "Exam table paper", unit: "rolls", onHand: 5, reorderLevel: 2 },
    { key: "wipes", name: "Disinfectant wipes", unit: "canisters", onHand: 1, reorderLevel: 3 },
    { key: "glovesM", name: "Gloves, latex-free (M)", unit: "boxes", onHand: 6, reorderLevel: 3 },
    { key: "bandRed", name: "Theraband, red", unit: "rolls", onHand: 4, reorderLevel: 1 },
  ],
};

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Equipment in every demo room (one item out of service, one due for maintenance this week), a prep
 * checklist per room kind, and supplies (one already low). Idempotent: fixed ids, ON CONFLICT DO NOTHING.
 */
export async function seedRooms(tx: Tx, data: ClinicRooms, id: Key, clinicId: string, today: string): Promise<void> {
  const eqRows = Object.entries(data.rooms).flatMap(([roomKey, r]) =>
    r.equipment.map((e) => ({
      id: id(`equipment:${roomKey}:${e.key}`),
      clinicId,
      roomId: id(`room:${roomKey}`),
      name: e.name,
      status: e.status ?? ("ok" as const),
      statusNote: e.note ?? null,
      nextMaintenanceOn: addDays(today, e.maintenanceInDays),
    })),
  );
  if (eqRows.length) await tx.insert(equipment).values(eqRows).onConflictDoNothing();

  for (const [roomKey, r] of Object.entries(data.rooms)) {
    const t = TEMPLATES[r.kind];
    const templateId = id(`checklist:${r.kind}`);
    const inserted = await tx
      .insert(checklistTemplates)
      .values({ id: templateId, clinicId, name: t.name, roomKind: r.kind })
      .onConflictDoNothing()
      .returning({ id: checklistTemplates.id });
    if (!inserted.length) continue; // already seeded (or the clinic's own edits since): leave it alone
    const known = new Set(r.equipment.map((e) => e.key));
    await tx.insert(checklistTemplateItems).values(
      t.items.map((it, i) => ({
        id: id(`checklist:${r.kind}:item:${i + 1}`),
        templateId,
        position: i + 1,
        label: it.label,
        required: it.required,
        equipmentId: it.equipment && known.has(it.equipment) ? id(`equipment:${roomKey}:${it.equipment}`) : null,
      })),
    );
  }

  await tx
    .insert(supplies)
    .values(data.supplies.map((s) => ({ id: id(`supply:${s.key}`), clinicId, name: s.name, unit: s.unit, onHand: s.onHand, reorderLevel: s.reorderLevel })))
    .onConflictDoNothing();
}
