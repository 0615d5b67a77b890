"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { NAV_BY_ROLE } from "@/components/shell/nav";
import type { TabletSharedMessages } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/locales";
import { SW_URL } from "@/lib/offline/shell-routes";
import { OfflineProvider, useOffline } from "./offline-provider";
import { SyncStatus } from "./sync-status";
import { TabletIntl, useFollowAccountLocale, useTabletTitle } from "./tablet-intl";
import { SessionScreen } from "./session-screen";
import { TabletSignOut } from "./sign-out";
import { TabletLink } from "./tablet-link";
import { TodayScreen } from "./today-screen";

const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;

// Loaded when first opened (their chunks are precached like every static asset, so this works offline):
// Today and the session form stay the first load.
const RoomsScreen = lazy(() => import("./rooms-screen").then((m) => ({ default: m.RoomsScreen })));
const RoomScreen = lazy(() => import("./room-screen").then((m) => ({ default: m.RoomScreen })));
const SuppliesScreen = lazy(() => import("./supplies-screen").then((m) => ({ default: m.SuppliesScreen })));
// the lock screen (idle lock, a reopened tablet): while it loads the screen stays blank, as when locked
const TabletLock = lazy(() => import("./tablet-lock").then((m) => ({ default: m.TabletLock })));
// shown only when the server refused something (rare): loaded then
const AttentionList = lazy(() => import("./attention-list").then((m) => ({ default: m.AttentionList })));
const ReportScreen = lazy(() => import("./report-screen").then((m) => ({ default: m.ReportScreen })));

/**
 * The static shell of the assistant's pages: no data at build time, everything from the device store.
 * One client app for all of them: moving between them changes the URL in place (TabletLink), so the
 * in-memory key survives and nothing needs the network; a reload opens the precached shell.
 */
export function TabletShell({ shared }: { shared: Record<Locale, TabletSharedMessages> }) {
  useEffect(() => {
    if (process.env.NODE_ENV === "production" && "serviceWorker" in navigator) {
      navigator.serviceWorker.register(SW_URL, { scope: "/", updateViaCache: "none" }).catch(() => undefined);
    }
  }, []);
  return (
    <TabletIntl shared={shared}>
      <OfflineProvider>
        <Frame />
      </OfflineProvider>
    </TabletIntl>
  );
}

function Screen() {
  // usePathname follows pushState; the address bar (not a rewritten path) says which page this is
  usePathname();
  const loading = useTranslations("tablet.shell")("loading");
  const path = window.location.pathname;
  const session = /^\/sessions\/([^/]+)\/?$/.exec(path);
  if (session) return <SessionScreen appointmentId={decodeURIComponent(session[1]!)} />;
  const room = /^\/prep\/([^/]+)\/?$/.exec(path);
  const lazyScreen = room ? (
    <RoomScreen key={room[1]} roomId={decodeURIComponent(room[1]!)} />
  ) : /^\/prep\/?$/.test(path) ? (
    <RoomsScreen />
  ) : /^\/supplies\/use\/?$/.test(path) ? (
    <SuppliesScreen />
  ) : /^\/reports\/write\/?$/.test(path) ? (
    <ReportScreen key={window.location.search} />
  ) : null;
  if (lazyScreen) return <Suspense fallback={<p className="text-lg text-muted-foreground">{loading}</p>}>{lazyScreen}</Suspense>;
  return <TodayScreen />;
}

function titleOf(path: string): "session" | "room" | "rooms" | "supplies" | "report" | "today" {
  if (path.startsWith("/sessions/")) return "session";
  if (path.startsWith("/prep/")) return "room";
  if (path.startsWith("/prep")) return "rooms";
  if (path.startsWith("/supplies/use")) return "supplies";
  if (path.startsWith("/reports/write")) return "report";
  return "today";
}

function Frame() {
  const { phase, view } = useOffline();
  const t = useTranslations("tablet.shell");
  const nav = useTranslations("nav");
  const titles = useTranslations("tablet.titles");
  useTabletTitle(titles(titleOf(usePathname())));
  useFollowAccountLocale(view?.user.locale, view?.clinic.timeZone, !!view);
  const idleMinutes = view?.clinic.idleTimeoutMinutes ?? 15;
  useIdleLock(idleMinutes, phase.kind === "ready");
  const locked = phase.kind === "locked";
  return (
    <>
      <div hidden={locked} aria-hidden={locked || undefined} inert={locked || undefined}>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:p-3">
          {t("skip")}
        </a>
        <header className="sticky top-0 z-40 border-b border-border bg-surface/95 backdrop-blur print:hidden">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
            <TabletLink href="/today" className="flex min-h-11 items-center text-xl font-bold text-primary">
              TheraTrack
            </TabletLink>
            {view ? <span className="hidden text-muted-foreground lg:inline">{view.clinic.name}</span> : null}
            {/* items wrap onto a second row instead of scrolling, as on the server pages (components/shell/nav-links.tsx):
                every item stays visible at tablet widths in every language */}
            <nav aria-label={nav("label")} className="order-last w-full min-w-0">
              <ul className="flex flex-wrap gap-1">
                {NAV_BY_ROLE.assistant.map((item) => (
                  <li key={item.href}>
                    <TabletLink href={item.href} className="flex min-h-11 items-center whitespace-nowrap rounded-lg px-3 font-semibold text-muted-foreground hover:bg-muted">
                      {nav(item.label)}
                    </TabletLink>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="ml-auto flex items-center gap-2">
              <TabletSignOut />
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-6">
          {phase.kind === "ready" && view ? (
            <>
              <SyncStatus />
              {view.attention.length ? (
                <Suspense fallback={null}>
                  <AttentionList />
                </Suspense>
              ) : null}
              <Screen />
            </>
          ) : phase.kind === "no-data" ? (
            <Alert tone="info">{t("noData")}</Alert>
          ) : phase.kind === "not-assistant" ? (
            <Alert tone="info">
              {t("notAssistant")}{" "}
              <Link href="/" className="font-semibold underline">
                {t("home")}
              </Link>
            </Alert>
          ) : (
            <p className="text-lg text-muted-foreground" aria-live="polite">
              {t("loading")}
            </p>
          )}
        </main>
      </div>
      {phase.kind === "locked" ? (
        <Suspense fallback={<div aria-hidden className="fixed inset-0 z-50 bg-background" />}>
          <TabletLock key={phase.reason} phase={phase} idleMinutes={idleMinutes} />
        </Suspense>
      ) : null}
    </>
  );
}

/** DESIGN rule 10 on the tablet: after the clinic's idle minutes the screen blanks and the key is dropped. */
function useIdleLock(idleMinutes: number, active: boolean) {
  const { lockNow } = useOffline();
  const last = useRef(0);
  useEffect(() => {
    if (!active) return;
    last.current = Date.now();
    let pinged = Date.now();
    const onActivity = () => {
      last.current = Date.now();
      // the server's idle timer follows real use (at most once a minute; offline it simply fails)
      if (last.current - pinged >= 60_000) {
        pinged = last.current;
        fetch("/api/session/activity", { method: "POST" }).catch(() => undefined);
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= idleMinutes * 60_000) lockNow();
    }, 5_000);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [idleMinutes, active, lockNow]);
}
