import type { ReactNode } from "react";
import { TabletShell } from "@/components/tablet/tablet-shell";

// Static: the assistant's pages are shells with no data in them, precached by the service worker
// (app/sw.ts). The data comes from the device store, fed by /api/working-set (scoped to the user).
export const dynamic = "force-static";

export default function TabletLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <TabletShell />
      {children}
    </>
  );
}
