import "server-only";
import { createTranslator } from "next-intl";
import { headers } from "next/headers";
import { cache } from "react";
import { getActor } from "@/lib/auth/session";
import { CATALOGS } from "./catalogs";
import { resolveLocale, type Locale } from "./locales";
import type { Translate } from "./message-ref";

/** This request's language: the account's, else the browser's (Accept-Language). Once per request. */
export const requestLocale = cache(async (): Promise<Locale> => {
  const actor = await getActor();
  return resolveLocale(actor?.locale, (await headers()).get("accept-language"));
});

const translators = new Map<Locale, Translate>();

/** A translator over the whole catalog with string keys, for server edges that translate keys they
 * receive (AppError, zod issues, export headers). Pages use next-intl's getTranslations. */
export function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const base = createTranslator({ locale, messages: CATALOGS[locale] }) as unknown as {
      (key: string, values?: Record<string, string | number>): string;
      has(key: string): boolean;
    };
    const fn = ((key: string, values?: Record<string, string | number>) => base(key, values)) as Translate;
    fn.has = (key: string) => base.has(key);
    t = fn;
    translators.set(locale, t);
  }
  return t;
}
