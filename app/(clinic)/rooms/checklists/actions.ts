"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { createChecklistTemplate } from "@/lib/rooms/create-checklist-template";
import type { ChecklistTemplateInput, ChecklistTemplateUpdateInput } from "@/lib/rooms/schemas";
import { updateChecklistTemplate } from "@/lib/rooms/update-checklist-template";

export async function addChecklist(input: ChecklistTemplateInput) {
  return runAction("addChecklist", async (actor) => {
    // the form goes on to the list (router.push): nothing here re-renders the form being left
    return createChecklistTemplate(actor, input);
  });
}

export async function saveChecklist(input: ChecklistTemplateUpdateInput) {
  return runAction("saveChecklist", async (actor) => {
    const r = await updateChecklistTemplate(actor, input);
    refreshAfterSave();
    return r;
  });
}
