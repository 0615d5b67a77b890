import type { HandoutLanguage } from "@/db/schema/handouts";

export type { HandoutLanguage };

// Handout languages without zod, for the tablet's first load; lib/handouts/schemas.ts re-exports them.
/** The same list as db/schema/handouts.ts (kept here too so the tablet's bundle does not pull the schema in). */
export const HANDOUT_LANGUAGES = ["en", "es"] as const satisfies readonly HandoutLanguage[];

/** The name an education record keeps for each handout language (education_given.language holds names,
 * as patients' preferred languages do). */
export const HANDOUT_LANGUAGE_NAMES: Record<HandoutLanguage, string> = { en: "English", es: "Spanish" };
/** Language names as their readers write them (a language switch offers each in its own language). */
export const HANDOUT_AUTONYMS: Record<HandoutLanguage, string> = { en: "English", es: "Español" };

/** The handout language for a patient's preferred language ("Spanish", "español", "es" → es), else English. */
export function handoutLanguageFor(preferred: string | null | undefined): HandoutLanguage {
  const p = (preferred ?? "").trim().toLowerCase();
  return p.startsWith("es") || p.startsWith("span") ? "es" : "en";
}
