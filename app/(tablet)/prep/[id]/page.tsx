import type { Metadata } from "next";
import { englishText } from "@/lib/i18n/english";

// The static shell's title is English; the tablet sets it in its own language once it has chosen one.
export const metadata: Metadata = { title: englishText("tablet.titles.room") };
export const dynamic = "force-static";
// One shell for every room: proxy.ts rewrites /prep/<room id> to /prep/shell, the service worker answers
// any /prep/<id> with it offline, and the tablet app reads the room id from the address.
export const dynamicParams = false;
export function generateStaticParams() {
  return [{ id: "shell" }];
}

export default function RoomPrepShell() {
  return null;
}
