"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import type { SetOwnLocaleInput } from "@/lib/users/schemas";
import { setOwnLocale } from "@/lib/users/set-own-locale";

export async function saveOwnLocale(input: SetOwnLocaleInput) {
  return runAction("saveOwnLocale", async (actor) => {
    const result = await setOwnLocale(actor, input);
    revalidatePath("/", "layout");
    return result;
  });
}
