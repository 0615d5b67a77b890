"use client";

import { BookOpen } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState, type ComponentProps } from "react";
import { Button } from "@/components/ui/button";
import { handoutLanguageFor } from "@/lib/handouts/languages";
import type { WsHandout } from "@/lib/offline/protocol";
import { useOffline } from "./offline-provider";

const LazyOverlay = lazy(() => import("./handout-overlay").then((m) => ({ default: m.HandoutOverlay })));

/** One handout full screen, its code loaded the first time one is opened (not in the tablet's first load). */
export function HandoutOverlay(props: ComponentProps<typeof LazyOverlay>) {
  return (
    <Suspense fallback={null}>
      <LazyOverlay {...props} />
    </Suspense>
  );
}

/** The handouts linked to this patient (from the working set: works offline), each opened full screen. */
export function TabletHandouts({ patientId, patientLanguage }: { patientId: string; patientLanguage: string }) {
  const { view } = useOffline();
  const t = useTranslations("tablet.handouts");
  const [open, setOpen] = useState<string | null>(null);
  const list = handoutsForPatient(view?.handouts, patientId);
  if (!list.length) return null;
  const shown = list.find((h) => h.id === open);
  return (
    <section aria-labelledby="tablet-handouts-h" className="space-y-3 rounded-lg border border-border bg-surface p-4">
      <h2 id="tablet-handouts-h" className="text-xl font-semibold">
        {t("title")}
      </h2>
      <p className="text-muted-foreground">{t("intro")}</p>
      <ul className="flex flex-wrap gap-3">
        {list.map((h) => (
          <li key={h.id}>
            <Button type="button" variant="secondary" onClick={() => setOpen(h.id)} aria-label={t("open", { title: h.content[handoutLanguageFor(patientLanguage)].title })}>
              <BookOpen aria-hidden className="h-5 w-5" />
              <span lang={handoutLanguageFor(patientLanguage)}>{h.content[handoutLanguageFor(patientLanguage)].title}</span>
            </Button>
          </li>
        ))}
      </ul>
      {shown ? <HandoutOverlay handout={shown} initialLanguage={handoutLanguageFor(patientLanguage)} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}

export function handoutsForPatient(handouts: WsHandout[] | undefined, patientId: string): WsHandout[] {
  return (handouts ?? []).filter((h) => h.links.some((l) => l.patientId === patientId));
}

