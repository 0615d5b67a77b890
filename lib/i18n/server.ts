import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { getActor } from "@/lib/auth/session";
import { DEFAULT_LOCALE, resolveLocale, type Locale } from "./locales";

/** This request's language: the account's, else the browser's (Accept-Language). Once per request. */
export const requestLocale = cache(async (): Promise<Locale> => {
  const actor = await getActor();
  return resolveLocale(actor?.locale, (await headers()).get("accept-language"));
});

/** The request's language where there is a request (actions, pages), English elsewhere (scripts, tests).
 * It may read the session from the database: never call it inside a transaction (PGlite has one connection,
 * so a query outside the open transaction waits for it forever); verbs use actorLocale. */
export async function requestLocaleOrDefault(): Promise<Locale> {
  try {
    return await requestLocale();
  } catch {
    return DEFAULT_LOCALE;
  }
}

export { actorLocale } from "./actor-locale";
export { translatorFor } from "./translate";
