"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Shown for unexpected server errors; the details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errorPage");
  const common = useTranslations("common");
  return (
    <main className="mx-auto max-w-lg px-5 py-16">
      <title>{t("title")}</title>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-3 text-lg text-muted-foreground">{t("body")}</p>
      <Button className="mt-6" onClick={reset}>
        {common("tryAgain")}
      </Button>
    </main>
  );
}
