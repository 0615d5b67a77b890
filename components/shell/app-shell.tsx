import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { IdleLock } from "./idle-lock";
import { NavLinks } from "./nav-links";
import { NAV_BY_ROLE } from "./nav";
import { UserMenu } from "./user-menu";

export async function AppShell({ actor, children }: { actor: Actor; children: ReactNode }) {
  const t = await getTranslations("shell");
  const roles = await getTranslations("roles");
  return (
    <IdleLock idleMinutes={actor.clinic.idleTimeoutMinutes} email={actor.email} name={actor.name}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-3">
        {t("skipToContent")}
      </a>
      <header className="sticky top-0 z-40 border-b border-border bg-surface/95 backdrop-blur print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
          <Link href="/" className="flex min-h-11 items-center text-xl font-bold text-primary">
            TheraTrack
          </Link>
          <span className="hidden text-muted-foreground lg:inline">{actor.clinic.name}</span>
          <NavLinks items={NAV_BY_ROLE[actor.role]} />
          <div className="ml-auto">
            <UserMenu name={actor.name} role={roles(actor.role)} title={actor.title} clinic={actor.clinic.name} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </IdleLock>
  );
}
