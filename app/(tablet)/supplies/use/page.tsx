import type { Metadata } from "next";
import { englishText } from "@/lib/i18n/english";

// The static shell's title is English; the tablet sets it in its own language once it has chosen one.
export const metadata: Metadata = { title: englishText("tablet.titles.supplies") };
export const dynamic = "force-static";

/** Supplies use on the tablet (the tablet app in the layout); /supplies stays the server page for the desk. */
export default function SuppliesUseShell() {
  return null;
}
