"use server";

import { errorLocale, toActionError, type ActionResult } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/users/change-own-password";
import type { ChangeOwnPasswordInput } from "@/lib/users/schemas";

// Not runAction: this is the one action allowed while a new password is due.
export async function setOwnPassword(input: ChangeOwnPasswordInput): Promise<ActionResult<{ ok: true }>> {
  try {
    const actor = await requireActor({ allowPasswordChange: true });
    return { ok: true, data: await changeOwnPassword(actor, input) };
  } catch (err) {
    return toActionError(err, "setOwnPassword", await errorLocale());
  }
}
