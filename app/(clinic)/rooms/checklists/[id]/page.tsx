import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { notFound } from "next/navigation";
import { ChecklistTemplateForm } from "@/components/rooms/checklist-template-form";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getChecklistTemplate, listRoomsWithEquipment } from "@/lib/rooms/template-queries";
import { addChecklist, saveChecklist } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rooms"))("editChecklistTitle") };
}
export const dynamic = "force-dynamic";

export default async function EditChecklistPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("checklist:manage", `/rooms/checklists/${id}`);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const template = await orNotFound(getChecklistTemplate(actor, id));
  const [rooms, t] = await Promise.all([listRoomsWithEquipment(actor), getTranslations("rooms")]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t("editChecklist", { name: template.name })}</h1>
      <ClientMessages part="rooms">
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
      </ClientMessages>
    </div>
  );
}
