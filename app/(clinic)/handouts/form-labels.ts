import "server-only";
import { getTranslations } from "next-intl/server";
import type { HandoutFormLabels } from "@/components/handouts/handout-forms";

/** The handout form's labels in the reader's language (both content languages named in it). */
export async function handoutFormLabels(mode: "create" | "revise"): Promise<HandoutFormLabels> {
  const t = await getTranslations("handouts.form");
  return {
    form: mode === "create" ? t("createLabel") : t("reviseLabel"),
    discipline: t("discipline"),
    anyDiscipline: t("anyDiscipline"),
    title: { en: t("titleEn"), es: t("titleEs") },
    steps: { en: t("stepsEn"), es: t("stepsEs") },
    stepsHint: t("stepsHint"),
    precautions: { en: t("precautionsEn"), es: t("precautionsEs") },
    precautionsHint: t("precautionsHint"),
    frequency: { en: t("frequencyEn"), es: t("frequencyEs") },
    submit: mode === "create" ? t("create") : t("publish"),
    success: mode === "create" ? t("created") : t("published"),
  };
}
