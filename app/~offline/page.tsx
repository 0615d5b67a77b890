import type { Metadata } from "next";
import { OfflinePage } from "@/components/tablet/offline-page";

export const metadata: Metadata = { title: "Offline" };
export const dynamic = "force-static";

export default function Offline() {
  return <OfflinePage />;
}
