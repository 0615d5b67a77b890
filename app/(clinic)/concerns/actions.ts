"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { raiseConcern } from "@/lib/reports/raise-concern";
import type { ConcernInput } from "@/lib/reports/schemas";

export async function raiseConcernAction(input: ConcernInput) {
  return runAction("raiseConcern", async (actor) => {
    const r = await raiseConcern(actor, input);
    refreshAfterSave();
    return r;
  });
}
