import type { Metadata } from "next";
import { englishText } from "@/lib/i18n/english";

// The static shell's title is English; the tablet sets it in its own language once it has chosen one.
export const metadata: Metadata = { title: englishText("tablet.titles.session") };
export const dynamic = "force-static";
// One shell for every appointment: proxy.ts rewrites /sessions/<id> to /sessions/shell, the service
// worker answers any /sessions/<id> with it offline, and the tablet app reads the id from the address.
export const dynamicParams = false;
export function generateStaticParams() {
  return [{ id: "shell" }];
}

export default function SessionShell() {
  return null;
}
