import type { Metadata } from "next";
import { englishText } from "@/lib/i18n/english";

// The static shell's title is English; the tablet sets it in its own language once it has chosen one.
export const metadata: Metadata = { title: englishText("tablet.titles.rooms") };
export const dynamic = "force-static";

/** Today's rooms for the assistant: the tablet app in the layout draws them from the device store. */
export default function PrepShell() {
  return null;
}
