import type { ReactNode } from "react";
import { TabletShell } from "@/components/tablet/tablet-shell";
import { tabletSharedMessages } from "@/lib/i18n/catalogs";

// Static: the assistant's pages are shells with no data in them, precached by the service worker
// (app/sw.ts). The data comes from the device store, fed by /api/working-set (scoped to the user).
// The language is chosen on the device (components/tablet/tablet-intl.tsx); the shell carries the few
// shared namespaces it needs in every language, the tablet's own namespace comes with its JS.
export const dynamic = "force-static";

export default function TabletLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <TabletShell shared={tabletSharedMessages()} />
      {children}
    </>
  );
}
