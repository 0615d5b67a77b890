import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChecklistTemplateForm } from "@/components/rooms/checklist-template-form";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getChecklistTemplate, listRoomsWithEquipment } from "@/lib/rooms/template-queries";
import { addChecklist, saveChecklist } from "../actions";

export const metadata: Metadata = { title: "Edit room checklist" };
export const dynamic = "force-dynamic";

export default async function EditChecklistPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("checklist:manage", `/rooms/checklists/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const template = await orNotFound(getChecklistTemplate(actor, id));
  const rooms = await listRoomsWithEquipment(actor);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Edit “{template.name}”</h1>
      <ChecklistTemplateForm
        rooms={rooms}
        onCreate={addChecklist}
        onUpdate={saveChecklist}
        existing={{
          templateId: template.id,
          version: template.version,
          name: template.name,
          appliesTo: template.roomId ? `room:${template.roomId}` : `kind:${template.roomKind}`,
          items: template.items.map((i) => ({ label: i.label, required: i.required, equipmentId: i.equipmentId ?? "" })),
        }}
      />
    </div>
  );
}
