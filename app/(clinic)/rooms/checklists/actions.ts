"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { createChecklistTemplate } from "@/lib/rooms/create-checklist-template";
import type { ChecklistTemplateInput, ChecklistTemplateUpdateInput } from "@/lib/rooms/schemas";
import { updateChecklistTemplate } from "@/lib/rooms/update-checklist-template";

export async function addChecklist(input: ChecklistTemplateInput) {
  return runAction("addChecklist", async (actor) => {
    const r = await createChecklistTemplate(actor, input);
    revalidatePath("/rooms/checklists");
    return r;
  });
}

export async function saveChecklist(input: ChecklistTemplateUpdateInput) {
  return runAction("saveChecklist", async (actor) => {
    const r = await updateChecklistTemplate(actor, input);
    revalidatePath("/rooms/checklists");
    return r;
  });
}
