import type { Metadata } from "next";
import { englishText } from "@/lib/i18n/english";

// The static shell's title is English; the tablet sets it in its own language once it has chosen one.
export const metadata: Metadata = { title: englishText("tablet.titles.today") };
export const dynamic = "force-static";

/** The page itself is the tablet app in the layout (components/tablet/tablet-shell.tsx). */
export default function TodayShell() {
  return null;
}
