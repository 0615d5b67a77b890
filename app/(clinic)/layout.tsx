import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function ClinicLayout({ children }: { children: ReactNode }) {
  // each page enforces a due password change itself; the shell renders either way
  const actor = await requireUser({ allowPasswordChange: true });
  return (
    <ClientMessages part="shell">
      <AppShell actor={actor}>{children}</AppShell>
    </ClientMessages>
  );
}
