"use client";

import { NextIntlClientProvider } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import type { TabletMessages, TabletSharedMessages } from "@/lib/i18n/catalogs";
import { isLocale, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import tabletEn from "@/messages/tablet/en.json";

/**
 * The tablet's language, chosen on the device: the pages are static shells (prerendered, precached), so
 * the server cannot pick it per request. The account's saved language (users.locale, in the working set)
 * wins; before any pull (or when none is saved) the browser's languages, by the server's rule
 * (lib/i18n/locales.ts). The last saved language seen here is remembered (a language code, no patient
 * data), so a reopened tablet shows its lock screen in the aide's language before the store is open.
 *
 * Only the `tablet` namespace travels in the tablet's JS (English at once, other languages as their own
 * chunk, precached by the service worker like every static chunk), plus the few shared namespaces the
 * static layout passes in (`shared`, lib/i18n/catalogs.ts). Independent of the root layout's provider.
 */
const LOADERS: Record<Locale, () => Promise<TabletMessages>> = {
  en: async () => tabletEn,
  es: () => import("@/messages/tablet/es.json").then((m) => m.default),
};
const REMEMBERED = "theratrack:tablet-locale";

type Choice = { locale: Locale; tablet: TabletMessages };
type Follow = (saved: string | null | undefined, timeZone?: string) => void;
const FollowContext = createContext<Follow>(() => undefined);

function browserLocale(): Locale {
  return negotiateLocale((navigator.languages?.length ? navigator.languages : [navigator.language]).join(","));
}

function remembered(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

function remember(saved: Locale | null) {
  try {
    if (saved) localStorage.setItem(REMEMBERED, saved);
    else localStorage.removeItem(REMEMBERED);
  } catch {
    // private mode: the browser's language until the next pull
  }
}

export function TabletIntl({ shared, children }: { shared?: Record<Locale, TabletSharedMessages>; children: ReactNode }) {
  const [choice, setChoice] = useState<Choice | null>(null);
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  const wanted = useRef<Locale | null>(null);

  const choose = useCallback(async (locale: Locale) => {
    if (wanted.current === locale) return;
    wanted.current = locale;
    const tablet = await LOADERS[locale]();
    if (wanted.current !== locale) return; // a later choice won while this one loaded
    document.documentElement.lang = locale;
    setChoice({ locale, tablet });
  }, []);

  useEffect(() => {
    const saved = remembered();
    void choose(isLocale(saved) ? saved : browserLocale());
  }, [choose]);

  const follow = useCallback<Follow>(
    (saved, zone) => {
      if (zone) setTimeZone(zone);
      const locale = isLocale(saved) ? saved : null;
      remember(locale);
      void choose(locale ?? browserLocale());
    },
    [choose],
  );

  // the static HTML has no text in any language: nothing renders until the device has chosen one
  if (!choice) return null;
  return (
    <FollowContext.Provider value={follow}>
      <NextIntlClientProvider locale={choice.locale} messages={{ ...shared?.[choice.locale], tablet: choice.tablet }} timeZone={timeZone}>
        {children}
      </NextIntlClientProvider>
    </FollowContext.Provider>
  );
}

/** Inside the tablet app: follow the account's language (and the clinic's zone) of the working set. */
export function useFollowAccountLocale(saved: string | null | undefined, timeZone: string | undefined, known: boolean) {
  const follow = useContext(FollowContext);
  useEffect(() => {
    if (known) follow(saved, timeZone);
  }, [follow, saved, timeZone, known]);
}

/** The page's title in the tablet's language (the static shell's <title> is English). */
export function useTabletTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · TheraTrack`;
  }, [title]);
}
