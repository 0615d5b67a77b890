"use client";

import { WifiOff } from "lucide-react";
import { useTranslations } from "next-intl";
import { TabletIntl, useTabletTitle } from "./tablet-intl";

const WORKS = ["today", "session", "concerns", "rooms", "supplies", "report"] as const;

/** The service worker's answer for any page that is not available offline. No data, static: English in the
 * HTML (it reads without JavaScript), then the device's language. */
export function OfflinePage() {
  return (
    <TabletIntl englishFirst>
      <OfflineText />
    </TabletIntl>
  );
}

function OfflineText() {
  const t = useTranslations("tablet.offline");
  useTabletTitle(useTranslations("tablet.titles")("offline"));
  return (
    <main className="mx-auto max-w-xl space-y-4 px-5 py-16">
      <WifiOff aria-hidden className="h-10 w-10 text-primary" />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <ul className="list-disc space-y-1 pl-6">
        {WORKS.map((w) => (
          <li key={w}>{t(`works.${w}`)}</li>
        ))}
      </ul>
      <p className="text-muted-foreground">{t("later")}</p>
      <a href="/today" className="inline-flex min-h-11 items-center font-semibold text-primary underline">
        {t("open")}
      </a>
    </main>
  );
}
