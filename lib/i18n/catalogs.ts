import en from "@/messages/en.json";
import es from "@/messages/es.json";
import type { Locale } from "./locales";

/** Every locale's catalog. The English one is the shape (next-intl's AppConfig in global.d.ts). */
export type Messages = typeof en;
export const CATALOGS: Record<Locale, Messages> = { en, es };
