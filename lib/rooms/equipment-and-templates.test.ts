import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, checklistTemplateItems, equipment, roomPrepItems } from "@/db/schema";
import { demo, demoId } from "@/db/seed";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { clinicToday } from "@/lib/time";
import { createChecklistTemplate } from "./create-checklist-template";
import { createEquipment } from "./create-equipment";
import { ensureRoomPrep } from "./ensure-room-prep";
import { listMaintenanceDue } from "./queries";
import { getChecklistTemplate } from "./template-queries";
import { setEquipmentStatus } from "./set-equipment-status";
import { updateChecklistTemplate } from "./update-checklist-template";

beforeAll(seedDemoOnce);

const today = () => clinicToday("America/Los_Angeles");
const lastAudit = async (action: string) =>
  (await getDb().select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1))[0];
const TREADMILL = () => demoId("sunrise:equipment:gym:treadmill");

describe("setEquipmentStatus", () => {
  it("sets status and next maintenance, bumps the version and audits before/after", async () => {
    const admin = await actorFor(DEMO.admin);
    const [before] = await getDb().select().from(equipment).where(eq(equipment.id, TREADMILL()));
    const res = await setEquipmentStatus(admin, { equipmentId: TREADMILL(), status: "ok", statusNote: "", nextMaintenanceOn: "2030-01-15", version: before!.version });
    expect(res.version).toBe(before!.version + 1);
    const [after] = await getDb().select().from(equipment).where(eq(equipment.id, TREADMILL()));
    expect(after).toMatchObject({ status: "ok", nextMaintenanceOn: "2030-01-15", statusNote: null });
    expect(await lastAudit("equipment.status_update")).toMatchObject({ actorId: admin.id, entityId: TREADMILL(), detail: { from: "out_of_service", to: "ok" } });
  });

  it("refuses a stale version, bad input, assistants, and another clinic's equipment", async () => {
    const peter = await actorFor(DEMO.peter);
    const [row] = await getDb().select().from(equipment).where(eq(equipment.id, TREADMILL()));
    const input = { equipmentId: TREADMILL(), status: "out_of_service", statusNote: "Belt slipping", nextMaintenanceOn: "", version: row!.version };
    await setEquipmentStatus(peter, input);
    await expect(setEquipmentStatus(peter, input)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(setEquipmentStatus(peter, { ...input, status: "broken" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(setEquipmentStatus(await actorFor(DEMO.ana), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setEquipmentStatus(await actorFor(DEMO.theo), { ...input, version: row!.version + 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists maintenance due within 7 days for the actor's clinic only", async () => {
    const due = await listMaintenanceDue(await actorFor(DEMO.admin), today());
    expect(due.map((d) => d.name)).toContain("Recumbent bike");
    expect(due.map((d) => d.name)).not.toContain("Treatment table"); // Harbor's
    const harbor = await listMaintenanceDue(await actorFor(DEMO.harborAdmin), clinicToday("America/New_York"));
    expect(harbor.map((d) => d.name)).toEqual(["Treatment table"]);
  });
});

describe("checklist templates", () => {
  const gymItems = () => [
    { label: "Mat table wiped", required: true, equipmentId: demoId("sunrise:equipment:gym:matTable") },
    { label: "Music off", required: false, equipmentId: "" },
  ];

  it("a therapist creates a room-specific template (once, even if the save is retried) and it wins over the kind's", async () => {
    const olivia = await actorFor(DEMO.olivia);
    const id = crypto.randomUUID();
    const input = { id, name: "Main gym, Olivia's setup", appliesTo: `room:${demo.room("sunrise", "gym")}`, items: gymItems() };
    expect(await createChecklistTemplate(olivia, input)).toEqual({ templateId: id, created: true });
    expect(await createChecklistTemplate(olivia, input)).toEqual({ templateId: id, created: false });
    expect(await lastAudit("checklist_template.create")).toMatchObject({ actorId: olivia.id, entityId: id });
    const t = await getChecklistTemplate(olivia, id);
    expect(t.items.map((i) => [i.position, i.label, i.required])).toEqual([
      [1, "Mat table wiped", true],
      [2, "Music off", false],
    ]);
    const { prepId } = await ensureRoomPrep(await actorFor(DEMO.ana), { roomId: demo.room("sunrise", "gym"), day: today() });
    const items = await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.prepId, prepId));
    expect(items).toHaveLength(2);
  });

  it("an admin edits a template: old items retired, prep already made unchanged; stale version refused", async () => {
    const admin = await actorFor(DEMO.admin);
    const templateId = demoId("sunrise:checklist:treatment");
    const { prepId } = await ensureRoomPrep(await actorFor(DEMO.sam), { roomId: demo.room("sunrise", "tr1"), day: today() });
    const t = await getChecklistTemplate(admin, templateId);
    const res = await updateChecklistTemplate(admin, {
      templateId,
      name: "Treatment room setup v2",
      appliesTo: "kind:treatment",
      items: [{ label: "Fresh table paper", required: true, equipmentId: "" }],
      version: t.version,
    });
    expect(res.version).toBe(t.version + 1);
    expect((await getChecklistTemplate(admin, templateId)).items.map((i) => i.label)).toEqual(["Fresh table paper"]);
    const retired = await getDb().select().from(checklistTemplateItems).where(eq(checklistTemplateItems.templateId, templateId));
    expect(retired.filter((i) => !i.active)).toHaveLength(6);
    const items = await getDb().select().from(roomPrepItems).where(eq(roomPrepItems.prepId, prepId));
    expect(items).toHaveLength(6);
    await expect(
      updateChecklistTemplate(admin, { templateId, name: "x y", appliesTo: "kind:treatment", items: [{ label: "ab", required: true, equipmentId: "" }], version: t.version }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await lastAudit("checklist_template.update")).toMatchObject({ actorId: admin.id, entityId: templateId });
  });

  it("refuses assistants, empty checklists, equipment from another room, and another clinic's template", async () => {
    const olivia = await actorFor(DEMO.olivia);
    const base = { id: crypto.randomUUID(), name: "Speech", appliesTo: "kind:speech", items: gymItems() };
    await expect(createChecklistTemplate(await actorFor(DEMO.ana), base)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createChecklistTemplate(olivia, { ...base, items: [] })).rejects.toMatchObject({ name: "ZodError" });
    await expect(createChecklistTemplate(olivia, base)).rejects.toMatchObject({ code: "VALIDATION" });
    const harborEquipment = { ...base, appliesTo: "kind:gym", items: [{ label: "Bars", required: true, equipmentId: demoId("harbor:equipment:gym:bars") }] };
    await expect(createChecklistTemplate(olivia, harborEquipment)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const theo = await actorFor(DEMO.theo);
    await expect(getChecklistTemplate(theo, demoId("sunrise:checklist:gym"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateChecklistTemplate(theo, { templateId: demoId("sunrise:checklist:gym"), name: "Mine", appliesTo: "kind:gym", items: [{ label: "ab", required: true, equipmentId: "" }], version: 1 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("createEquipment", () => {
  it("an admin adds equipment to a room (once, even if retried) and it is audited", async () => {
    const admin = await actorFor(DEMO.admin);
    const id = crypto.randomUUID();
    const input = { id, roomId: demo.room("sunrise", "speech"), name: "Mirror on wheels", nextMaintenanceOn: "" };
    expect(await createEquipment(admin, input)).toEqual({ equipmentId: id, created: true });
    expect(await createEquipment(admin, input)).toEqual({ equipmentId: id, created: false });
    const [row] = await getDb().select().from(equipment).where(eq(equipment.id, id));
    expect(row).toMatchObject({ status: "ok", clinicId: admin.clinicId, nextMaintenanceOn: null });
    expect(await lastAudit("equipment.create")).toMatchObject({ actorId: admin.id, entityId: id });
    await expect(createEquipment(await actorFor(DEMO.peter), { ...input, id: crypto.randomUUID() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createEquipment(await actorFor(DEMO.harborAdmin), { ...input, id: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createEquipment(admin, { ...input, id: crypto.randomUUID(), name: "" })).rejects.toMatchObject({ name: "ZodError" });
  });
});
