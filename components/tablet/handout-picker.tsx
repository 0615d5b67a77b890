"use client";

import { BookOpen } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Segmented } from "@/components/ui/segmented";
import { HANDOUT_AUTONYMS, HANDOUT_LANGUAGE_NAMES, HANDOUT_LANGUAGES, handoutLanguageFor, type HandoutLanguage } from "@/lib/handouts/languages";
import type { ObservationContent, ObservationFormValues } from "@/lib/observations/schemas";
import { HandoutOverlay, handoutsForPatient } from "./handout-viewer";
import { useOffline } from "./offline-provider";

type Form = UseFormReturn<ObservationFormValues, unknown, ObservationContent>;
const LANGUAGE_BY_NAME = Object.fromEntries(HANDOUT_LANGUAGES.map((l) => [HANDOUT_LANGUAGE_NAMES[l], l])) as Record<string, HandoutLanguage>;

/**
 * In an education entry with the method "Handout": pick which of the patient's handouts was given and in which
 * language. The record keeps the handout's version id and the language's name; the server checks both.
 */
export function HandoutPicker({ index, form, patientId, patientLanguage }: { index: number; form: Form; patientId: string; patientLanguage: string }) {
  const { view } = useOffline();
  const t = useTranslations("tablet.handouts");
  const uid = useId();
  const [open, setOpen] = useState(false);
  const method = useWatch({ control: form.control, name: `education.${index}.method` });
  const versionId = useWatch({ control: form.control, name: `education.${index}.handoutVersionId` }) ?? "";
  const language = useWatch({ control: form.control, name: `education.${index}.language` });
  if (method !== "handout" && !versionId) return null;
  const list = handoutsForPatient(view?.handouts, patientId);
  const lang: HandoutLanguage = LANGUAGE_BY_NAME[language] ?? handoutLanguageFor(patientLanguage);
  const chosen = list.find((h) => h.versionId === versionId);
  const err = form.formState.errors.education?.[index]?.handoutVersionId?.message;

  function pick(id: string) {
    form.setValue(`education.${index}.handoutVersionId`, id || null, { shouldDirty: true });
    const h = list.find((x) => x.versionId === id);
    if (!h) return;
    form.setValue(`education.${index}.language`, HANDOUT_LANGUAGE_NAMES[lang], { shouldDirty: true });
    if (!form.getValues(`education.${index}.topic`)) form.setValue(`education.${index}.topic`, h.content[lang].title, { shouldDirty: true });
  }

  if (!list.length && !versionId) return <p className="text-muted-foreground">{t("noHandouts")}</p>;
  return (
    <div className="space-y-3 rounded-lg bg-muted/40 p-3">
      <div className="space-y-1">
        <Label htmlFor={`${uid}-handout`}>{t("handout")}</Label>
        <select
          id={`${uid}-handout`}
          className="block min-h-12 w-full rounded-lg border border-border bg-surface px-3 py-2 text-base aria-[invalid=true]:border-danger"
          value={versionId}
          aria-invalid={err ? true : undefined}
          onChange={(e) => pick(e.target.value)}
        >
          <option value="">{t("choose")}</option>
          {list.map((h) => (
            <option key={h.versionId} value={h.versionId} lang={lang}>
              {h.content[lang].title}
            </option>
          ))}
          {versionId && !chosen ? <option value={versionId}>{t("earlier")}</option> : null}
        </select>
        {err ? <p className="text-danger">{err}</p> : null}
      </div>
      {versionId ? (
        <Segmented
          legend={t("handoutLanguage")}
          columns={2}
          options={HANDOUT_LANGUAGES.map((l) => ({ value: l, label: <span lang={l}>{HANDOUT_AUTONYMS[l]}</span> }))}
          value={lang}
          onChange={(l) => form.setValue(`education.${index}.language`, HANDOUT_LANGUAGE_NAMES[l], { shouldDirty: true })}
        />
      ) : null}
      {chosen ? (
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          <BookOpen aria-hidden className="h-5 w-5" />
          {t("openChosen")}
        </Button>
      ) : null}
      {open && chosen ? <HandoutOverlay handout={chosen} initialLanguage={lang} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
