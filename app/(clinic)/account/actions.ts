"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import type { SetOwnLocaleInput } from "@/lib/users/schemas";
import { setOwnLocale } from "@/lib/users/set-own-locale";

export async function saveOwnLocale(input: SetOwnLocaleInput) {
  return runAction("saveOwnLocale", async (actor) => {
    const result = await setOwnLocale(actor, input);
    // its own pages are dynamic; the root layout is not revalidated, so the tablet shells are not regenerated
    revalidatePath("/account", "layout");
    return result;
  });
}
