import type { Metadata } from "next";
import { ChecklistTemplateForm } from "@/components/rooms/checklist-template-form";
import { requirePermission } from "@/lib/auth/session";
import { listRoomsWithEquipment } from "@/lib/rooms/template-queries";
import { addChecklist, saveChecklist } from "../actions";

export const metadata: Metadata = { title: "New room checklist" };
export const dynamic = "force-dynamic";

export default async function NewChecklistPage() {
  const actor = await requirePermission("checklist:manage", "/rooms/checklists/new");
  const rooms = await listRoomsWithEquipment(actor);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">New room checklist</h1>
      <ChecklistTemplateForm rooms={rooms} onCreate={addChecklist} onUpdate={saveChecklist} />
    </div>
  );
}
