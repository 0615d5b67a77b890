import type { Metadata } from "next";

export const metadata: Metadata = { title: "Today" };
export const dynamic = "force-static";

/** The page itself is the tablet app in the layout (components/tablet/tablet-shell.tsx). */
export default function TodayShell() {
  return null;
}
