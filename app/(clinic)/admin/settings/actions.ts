"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import type { ClinicSettingsInput } from "@/lib/clinics/schemas";
import { updateClinicSettings } from "@/lib/clinics/update-clinic-settings";

export async function saveClinicSettings(input: ClinicSettingsInput) {
  return runAction("saveClinicSettings", async (actor) => {
    const result = await updateClinicSettings(actor, input);
    refreshAfterSave();
    return result;
  });
}
