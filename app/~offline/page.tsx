import type { Metadata } from "next";
import { OfflinePage } from "@/components/tablet/offline-page";
import { englishText } from "@/lib/i18n/english";

// Static like the tablet's shells: the language is chosen on the device (components/tablet/tablet-intl.tsx).
export const metadata: Metadata = { title: englishText("tablet.titles.offline") };
export const dynamic = "force-static";

export default function Offline() {
  return <OfflinePage />;
}
