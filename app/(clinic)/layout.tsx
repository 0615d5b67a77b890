import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function ClinicLayout({ children }: { children: ReactNode }) {
  const actor = await requireUser();
  return <AppShell actor={actor}>{children}</AppShell>;
}
