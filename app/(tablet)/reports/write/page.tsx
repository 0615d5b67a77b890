import type { Metadata } from "next";
import { englishText } from "@/lib/i18n/english";

// The static shell's title is English; the tablet sets it in its own language once it has chosen one.
export const metadata: Metadata = { title: englishText("tablet.titles.report") };
export const dynamic = "force-static";

/** The assistant's progress report (the tablet app in the layout), written and queued on the device. */
export default function ReportWriteShell() {
  return null;
}
