import en from "@/messages/en.json";
import es from "@/messages/es.json";
import tabletEn from "@/messages/tablet/en.json";
import tabletEs from "@/messages/tablet/es.json";
import type { Locale } from "./locales";

/**
 * Every locale's catalog: messages/<locale>.json plus the tablet's namespace, kept in its own files
 * (messages/tablet/<locale>.json) so the tablet's client bundle carries only that namespace
 * (components/tablet/tablet-intl.tsx). The English one is the shape (next-intl's AppConfig in global.d.ts).
 */
export type TabletMessages = typeof tabletEn;
export type Messages = typeof en & { tablet: TabletMessages };
export const CATALOGS: Record<Locale, Messages> = { en: { ...en, tablet: tabletEn }, es: { ...es, tablet: tabletEs } };

/** What server pages and the root layout's provider get (lib/i18n/request.ts): the tablet's namespace stays
 * out of every other page. The tablet's own provider sends it (components/tablet/tablet-intl.tsx). */
export const PAGE_CATALOGS: Record<Locale, typeof en> = { en, es };

/** The namespaces of the main catalogs that components shown on the tablet also use (value labels, the
 * navigation, shared components): the static tablet layouts pass just these to the tablet's provider. */
export const TABLET_SHARED_NAMESPACES = ["nav", "precautions", "attendance", "concernKinds", "raiseConcern", "assistLevels", "taskTypes", "validation"] as const satisfies readonly (keyof typeof en)[];
export type TabletSharedMessages = Pick<typeof en, (typeof TABLET_SHARED_NAMESPACES)[number]>;

/** The tablet's namespace per locale (the files themselves, for the completeness test). */
export const TABLET_CATALOGS: Record<Locale, TabletMessages> = { en: tabletEn, es: tabletEs };

/** The shared namespaces in every locale, for a static tablet page to hand to its provider. Server side. */
export function tabletSharedMessages(): Record<Locale, TabletSharedMessages> {
  const pick = (m: typeof en) => Object.fromEntries(TABLET_SHARED_NAMESPACES.map((ns) => [ns, m[ns]])) as TabletSharedMessages;
  return { en: pick(en), es: pick(es) };
}
