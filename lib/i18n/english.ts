import { createTranslator } from "next-intl";
import en from "@/messages/en.json";

const translator = createTranslator({ locale: "en", messages: en });

/** A catalog key in English: the wording of AppError messages in logs and tests (the catalog is the source). */
export function englishText(key: string, values?: Record<string, string | number>): string {
  return (translator as unknown as (k: string, v?: Record<string, string | number>) => string)(key, values);
}
