"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import type { ObservationInput } from "@/lib/observations/schemas";
import { saveObservationDraft } from "@/lib/observations/save-observation-draft";
import { submitObservation } from "@/lib/observations/submit-observation";
import { logVerbalReport } from "@/lib/reports/log-verbal-report";
import type { VerbalReportInput } from "@/lib/reports/verbal-report-schemas";

export async function saveObservationDraftAction(input: ObservationInput) {
  return runAction("saveObservationDraft", async (actor) => saveObservationDraft(actor, input));
}

export async function submitObservationAction(input: ObservationInput) {
  return runAction("submitObservation", async (actor) => {
    const result = await submitObservation(actor, input);
    revalidatePath("/today");
    revalidatePath(`/sessions/${input.appointmentId}`);
    return result;
  });
}

export async function logVerbalReportAction(input: VerbalReportInput) {
  return runAction("logVerbalReport", async (actor) => {
    const result = await logVerbalReport(actor, input);
    revalidatePath(`/sessions/${input.appointmentId}`);
    return result;
  });
}
