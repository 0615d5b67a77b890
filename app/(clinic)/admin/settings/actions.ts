"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import type { ClinicSettingsInput } from "@/lib/clinics/schemas";
import { updateClinicSettings } from "@/lib/clinics/update-clinic-settings";

export async function saveClinicSettings(input: ClinicSettingsInput) {
  return runAction("saveClinicSettings", async (actor) => {
    const result = await updateClinicSettings(actor, input);
    revalidatePath("/admin", "layout");
    return result;
  });
}
