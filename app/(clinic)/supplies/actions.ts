"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { createSupply } from "@/lib/supplies/create-supply";
import { recordSupplyMovement } from "@/lib/supplies/record-supply-movement";
import type { CreateSupplyInput, SupplyMovementInput, UpdateSupplyInput } from "@/lib/supplies/schemas";
import { updateSupply } from "@/lib/supplies/update-supply";

export async function recordMovement(input: SupplyMovementInput) {
  return runAction("recordMovement", async (actor) => {
    const r = await recordSupplyMovement(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function addSupply(input: CreateSupplyInput) {
  return runAction("addSupply", async (actor) => {
    const r = await createSupply(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function saveSupply(input: UpdateSupplyInput) {
  return runAction("saveSupply", async (actor) => {
    const r = await updateSupply(actor, input);
    refreshAfterSave();
    return r;
  });
}
