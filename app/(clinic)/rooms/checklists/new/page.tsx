import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { ChecklistTemplateForm } from "@/components/rooms/checklist-template-form";
import { requirePermission } from "@/lib/auth/session";
import { listRoomsWithEquipment } from "@/lib/rooms/template-queries";
import { addChecklist, saveChecklist } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rooms"))("newChecklistTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewChecklistPage() {
  const actor = await requirePermission("checklist:manage", "/rooms/checklists/new");
  const [rooms, t] = await Promise.all([listRoomsWithEquipment(actor), getTranslations("rooms")]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t("newChecklistTitle")}</h1>
      <ClientMessages part="rooms">
        <ChecklistTemplateForm rooms={rooms} onCreate={addChecklist} onUpdate={saveChecklist} />
      </ClientMessages>
    </div>
  );
}
