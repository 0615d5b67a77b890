"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import { submitProgressReport } from "@/lib/reports/submit-progress-report";

export async function submitReportAction(input: Record<string, string>) {
  return runAction("submitProgressReport", async (actor) => {
    const r = await submitProgressReport(actor, input);
    revalidatePath("/reports", "layout");
    revalidatePath("/review");
    return r;
  });
}
