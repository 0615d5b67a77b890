"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import type { SetOwnLocaleInput } from "@/lib/users/schemas";
import { setOwnLocale } from "@/lib/users/set-own-locale";

export async function saveOwnLocale(input: SetOwnLocaleInput) {
  return runAction("saveOwnLocale", async (actor) => {
    const result = await setOwnLocale(actor, input);
    // the action's response re-renders this page from the root, in the new language
    refreshAfterSave();
    return result;
  });
}
