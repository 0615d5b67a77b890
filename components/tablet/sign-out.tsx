"use client";

import { ChevronDown, LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useOffline } from "./offline-provider";

// Loaded the first time the menu opens (precached like every static chunk): not in the tablet's first load.
const SwitchAide = lazy(() => import("./switch-aide").then((m) => ({ default: m.SwitchAide })));
const EnrolPin = lazy(() => import("./enrol-pin").then((m) => ({ default: m.EnrolPin })));

/**
 * Sign out from the tablet. With changes not yet delivered it warns and offers to send them first;
 * signing out anyway keeps them (encrypted) for her next sign-in here. Once nothing is left to send,
 * everything of hers is wiped from the device before the session ends.
 */
export function TabletSignOut() {
  const { api, view, sendNow } = useOffline();
  const t = useTranslations("tablet.shell");
  const [asking, setAsking] = useState(false);
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unsent = view?.waiting ?? 0;

  async function signOutNow(keep: boolean) {
    if (!api) return;
    setBusy(true);
    setError(null);
    try {
      const u = api.unlocked();
      if (u && !keep) {
        const left = await api.countPending(u.userId);
        if (left.waiting === 0 && left.attention === 0) await api.wipeUser(u.userId);
        else if (left.waiting === 0) await api.dropWorkingSet(u.userId);
      } else if (u) await api.dropWorkingSet(u.userId);
      api.lock();
      const { signOut } = await import("next-auth/react");
      await signOut({ callbackUrl: "/login?reason=signed-out" });
    } catch {
      setBusy(false);
      setError(t("cannotSignOut"));
    }
  }

  const name = view?.user.name ?? "";
  return (
    <div className="relative">
      <Button type="button" variant="ghost" disabled={!api} aria-label={t("account", { name })} aria-expanded={open} aria-controls="tablet-account" onClick={() => (setOpened(true), setOpen((o) => !o))}>
        <span className="max-w-40 truncate">{name}</span>
        <ChevronDown aria-hidden className="h-4 w-4" />
      </Button>
      <div id="tablet-account" hidden={!open} className="absolute right-0 z-50 mt-1 min-w-56 rounded-lg border border-border bg-surface p-1 shadow-lg">
        {opened ? (
          <Suspense fallback={null}>
            <SwitchAide onDone={() => setOpen(false)} />
            <EnrolPin />
          </Suspense>
        ) : null}
        <Button type="button" variant="ghost" className="w-full justify-start" disabled={busy || !api} onClick={() => (unsent > 0 ? setAsking(true) : void signOutNow(false))}>
          <LogOut aria-hidden className="h-5 w-5" />
          {busy ? t("signingOut") : t("signOut")}
        </Button>
      </div>
      {asking ? (
        <div role="alertdialog" aria-labelledby="signout-unsent" className="fixed inset-x-4 top-20 z-50 mx-auto max-w-md space-y-3 rounded-lg border border-border bg-surface p-4 shadow-lg">
          <p id="signout-unsent" className="font-semibold">
            {t("signOutUnsent", { count: unsent })}
          </p>
          <p>{t("keptNote")}</p>
          <div className="flex flex-col gap-2">
            <Button
              type="button"
              onClick={() =>
                void sendNow().then(async () => {
                  const u = api?.unlocked();
                  const left = u && api ? (await api.countPending(u.userId)).waiting : 1;
                  if (left === 0) void signOutNow(false);
                  else setError(t("cannotSignOut"));
                })
              }
            >
              {t("sendFirst")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => void signOutNow(true)}>
              {t("signOutAnyway")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setAsking(false)}>
              {t("cancel")}
            </Button>
          </div>
          {error ? <Alert tone="danger">{error}</Alert> : null}
        </div>
      ) : error ? (
        <Alert tone="danger">{error}</Alert>
      ) : null}
    </div>
  );
}
