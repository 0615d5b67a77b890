import { translatorFor } from "./translate";

/** A catalog key in English: the wording of AppError messages in logs and tests (the catalog is the source). */
export function englishText(key: string, values?: Record<string, string | number>): string {
  return translatorFor("en")(key, values);
}
