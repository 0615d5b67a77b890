import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getActor } from "@/lib/auth/session";
import { resolveLocale, type Locale } from "./locales";

/** This request's language: the account's, else the browser's (Accept-Language). Once per request. */
export const requestLocale = cache(async (): Promise<Locale> => {
  const actor = await getActor();
  return resolveLocale(actor?.locale, (await headers()).get("accept-language"));
});

export { translatorFor } from "./translate";
