"use client";

import { Printer, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { Button } from "@/components/ui/button";
import { HANDOUT_AUTONYMS, HANDOUT_LANGUAGES, type HandoutLanguage } from "@/lib/handouts/languages";
import type { WsHandout } from "@/lib/offline/protocol";
import { cn } from "@/lib/utils";

// Its own chunk (components/tablet/handout-viewer.tsx loads it when a handout is first opened; precached
// like every static chunk, so it opens offline too): it is not part of the tablet's first load.

// The handout's own text (and its headings) is shown in the language chosen for the patient or family,
// whatever the tablet's language; the controls around it are in the tablet's language (tablet.handouts).
const HEADINGS = {
  steps: { en: "Steps", es: "Pasos" },
  precautions: { en: "Precautions", es: "Precauciones" },
  frequency: { en: "How often", es: "Con qué frecuencia" },
} as const;

/** Hides everything but the open handout when printing (Tailwind generates it from this literal). */
const PRINT_ONLY_HANDOUT = "print:[&>*:not(#tablet-handout)]:hidden";

/** One handout, full screen in large type, in either language; Print prints only it. */
export function HandoutOverlay({ handout, initialLanguage, onClose }: { handout: WsHandout; initialLanguage: HandoutLanguage; onClose: () => void }) {
  const t = useTranslations("tablet.handouts");
  const [lang, setLang] = useState<HandoutLanguage>(initialLanguage);
  const closeRef = useRef<HTMLButtonElement>(null);
  const text = handout.content[lang];
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const classes = PRINT_ONLY_HANDOUT.split(" ");
    document.body.classList.add(...classes);
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    document.addEventListener("keydown", onKey);
    return () => {
      document.body.classList.remove(...classes);
      document.removeEventListener("keydown", onKey);
      before?.focus();
    };
  }, [onClose]);
  return createPortal(
    <div
      id="tablet-handout"
      role="dialog"
      aria-modal="true"
      aria-labelledby="tablet-handout-title"
      className="fixed inset-0 z-50 overflow-y-auto bg-surface p-6 text-foreground print:static print:overflow-visible print:p-0"
    >
      <div className="mx-auto max-w-3xl space-y-6">
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          <div role="group" aria-label={t("language")} className="flex gap-2">
            {HANDOUT_LANGUAGES.map((l) => (
              <Button key={l} type="button" variant={l === lang ? "primary" : "secondary"} aria-pressed={l === lang} lang={l} onClick={() => setLang(l)}>
                {HANDOUT_AUTONYMS[l]}
              </Button>
            ))}
          </div>
          <Button type="button" variant="secondary" className="ml-auto" onClick={() => window.print()}>
            <Printer aria-hidden className="h-5 w-5" />
            {t("print")}
          </Button>
          <Button ref={closeRef} type="button" variant="secondary" onClick={onClose}>
            <X aria-hidden className="h-5 w-5" />
            {t("close")}
          </Button>
        </div>
        <article lang={lang} className="space-y-6 text-xl leading-relaxed">
          <h2 id="tablet-handout-title" className="text-4xl font-bold">
            {text.title}
          </h2>
          <section>
            <h3 className="text-2xl font-semibold">{HEADINGS.steps[lang]}</h3>
            <ol className="mt-2 list-decimal space-y-3 pl-8">
              {text.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </section>
          {text.precautions.length ? (
            <section>
              <h3 className="text-2xl font-semibold">{HEADINGS.precautions[lang]}</h3>
              <ul className="mt-2 list-disc space-y-3 pl-8">
                {text.precautions.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <section>
            <h3 className="text-2xl font-semibold">{HEADINGS.frequency[lang]}</h3>
            <p className="mt-2">{text.frequency}</p>
          </section>
          <p className={cn("text-base text-muted-foreground")}>{t("version", { version: handout.version })}</p>
        </article>
      </div>
    </div>,
    document.body,
  );
}
