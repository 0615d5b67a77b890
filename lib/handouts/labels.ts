import type { HandoutContent, HandoutLanguage } from "./schemas";

/** The handout text to show a reader: their language when the handout has it, else English. */
export function textFor(content: HandoutContent, locale: string) {
  const l: HandoutLanguage = locale === "es" ? "es" : "en";
  return content[l] ?? content.en;
}
