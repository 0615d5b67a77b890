import { z } from "zod";
import { text } from "@/lib/validation";
import type { HandoutContent, HandoutLanguage, HandoutText } from "@/db/schema/handouts";

export type { HandoutContent, HandoutLanguage, HandoutText };
export { HANDOUT_AUTONYMS, HANDOUT_LANGUAGE_NAMES, HANDOUT_LANGUAGES, handoutLanguageFor } from "./languages";
import { HANDOUT_LANGUAGES } from "./languages";

const uuid = z.uuid("validation.handouts.choose");

/** One item per line in the form (steps, precautions); blank lines dropped. */
const lines = (max: number, tooMany: string) =>
  z
    .union([text(), z.array(text())])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : v.split("\n")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(text().max(max, "validation.handouts.lineTooLong")).max(30, tooMany));

const title = text().trim().min(3, "validation.handouts.title").max(200, "validation.handouts.titleTooLong");
const steps = lines(500, "validation.handouts.tooManySteps").refine((s) => s.length > 0, "validation.handouts.steps");
const precautions = lines(500, "validation.handouts.tooManyPrecautions");
const frequency = text().trim().min(2, "validation.handouts.frequency").max(200, "validation.handouts.frequencyTooLong");

/** The form's fields, one set per language. Both languages are required: a family gets the same instructions
 * in either. */
const contentFields = {
  title_en: title,
  steps_en: steps,
  precautions_en: precautions,
  frequency_en: frequency,
  title_es: title,
  steps_es: steps,
  precautions_es: precautions,
  frequency_es: frequency,
};
type ContentValues = { [K in keyof typeof contentFields]: z.output<(typeof contentFields)[K]> };

function toContent(v: ContentValues): HandoutContent {
  return {
    en: { title: v.title_en, steps: v.steps_en, precautions: v.precautions_en, frequency: v.frequency_en },
    es: { title: v.title_es, steps: v.steps_es, precautions: v.precautions_es, frequency: v.frequency_es },
  };
}

/** The form's values for a version (steps and precautions one per line). */
export function contentToForm(c: HandoutContent): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of HANDOUT_LANGUAGES) {
    out[`title_${l}`] = c[l].title;
    out[`steps_${l}`] = c[l].steps.join("\n");
    out[`precautions_${l}`] = c[l].precautions.join("\n");
    out[`frequency_${l}`] = c[l].frequency;
  }
  return out;
}

const discipline = z
  .union([z.literal(""), z.enum(["PT", "OT", "SLP", "RT"], "validation.handouts.discipline")])
  .optional()
  .transform((v) => (v ? v : null));

export const handoutFormSchema = z.object({ discipline, ...contentFields });
export type HandoutFormInput = z.input<typeof handoutFormSchema>;

export const createHandoutSchema = handoutFormSchema.transform((v) => ({ discipline: v.discipline, content: toContent(v) }));

export const reviseHandoutSchema = z
  .object({ handoutId: uuid, version: z.coerce.number().int().positive(), discipline, ...contentFields })
  .transform((v) => ({ handoutId: v.handoutId, version: v.version, discipline: v.discipline, content: toContent(v) }));

export const archiveHandoutSchema = z.object({ handoutId: uuid, archived: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) });

/** What the care page links: "goal:<id>" or "delegation:<id>" (one select lists both). */
export const linkHandoutSchema = z
  .object({
    handoutId: uuid,
    patientId: uuid,
    target: text().regex(/^(goal|delegation):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "validation.handouts.target"),
  })
  .transform((v) => {
    const [kind, id] = v.target.split(":") as ["goal" | "delegation", string];
    return { handoutId: v.handoutId, patientId: v.patientId, goalId: kind === "goal" ? id : null, delegationId: kind === "delegation" ? id : null };
  });

export const unlinkHandoutSchema = z.object({ linkId: uuid });

/** The PDF route's query: language and (optionally) a version number; the newest when absent. */
export const handoutPdfQuery = {
  lang: z.enum(HANDOUT_LANGUAGES).catch("en"),
  version: z.coerce.number().int().positive().optional().catch(undefined),
  patient: z.uuid().optional().catch(undefined),
};
