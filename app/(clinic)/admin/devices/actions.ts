"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import type { RevokeEnrolmentInput } from "@/lib/auth/enrolment-schemas";
import { revokeEnrolment } from "@/lib/auth/revoke-enrolment";

export async function revokeEnrolmentAction(input: RevokeEnrolmentInput) {
  return runAction("revokeEnrolment", async (actor) => {
    const r = await revokeEnrolment(actor, input);
    refreshAfterSave();
    return r;
  });
}
