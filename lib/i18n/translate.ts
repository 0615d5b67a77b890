// use-intl/core (the library next-intl re-exports): no React in it, so server-only callers outside Next
// (the bench floor, run with --conditions=react-server, and scripts) can load it too
import { createTranslator } from "use-intl/core";
import { CATALOGS } from "./catalogs";
import { isLocale, DEFAULT_LOCALE, type Locale } from "./locales";
import type { MessageValues, Translate } from "./message-ref";

const translators = new Map<Locale, Translate>();

/** A string-keyed translator over a locale's whole catalog, for keys that arrive as data (AppError, zod
 * issues, labels computed in lib/). Pages and components use next-intl's getTranslations / useTranslations. */
export function translatorFor(locale: string): Translate {
  const l = isLocale(locale) ? locale : DEFAULT_LOCALE;
  let t = translators.get(l);
  if (!t) {
    const base = createTranslator({ locale: l, messages: CATALOGS[l] }) as unknown as {
      (key: string, values?: MessageValues): string;
      has(key: string): boolean;
    };
    t = Object.assign((key: string, values?: MessageValues) => base(key, values), { has: (key: string) => base.has(key) });
    translators.set(l, t);
  }
  return t;
}
