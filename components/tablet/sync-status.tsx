"use client";

import { AlertTriangle, CheckCircle2, CloudOff, RefreshCw } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useOffline } from "./offline-provider";

/** "All saved", "3 changes waiting…", "1 needs your attention", "Send now": on every assistant page. */
export function SyncStatus() {
  const { view, sending, needsSignIn, sendNow, lockNow } = useOffline();
  const t = useTranslations("tablet.sync");
  if (!view) return null;
  const waiting = view.waiting;
  const attention = view.attention.length;
  return (
    <div role="status" aria-live="polite" data-testid="sync-status" className="flex flex-wrap items-center gap-3 rounded-lg border border-border bg-surface px-4 py-2">
      {waiting === 0 && attention === 0 ? (
        <span className="flex items-center gap-2 font-semibold text-success">
          <CheckCircle2 aria-hidden className="h-5 w-5" />
          {t("allSaved")}
        </span>
      ) : null}
      {waiting > 0 ? (
        <span className="flex items-center gap-2 font-semibold">
          <CloudOff aria-hidden className="h-5 w-5" />
          {t("waiting", { count: waiting })}
        </span>
      ) : null}
      {attention > 0 ? (
        <a href="#attention" className="flex min-h-11 items-center gap-2 font-semibold text-danger underline">
          <AlertTriangle aria-hidden className="h-5 w-5" />
          {t("attention", { count: attention })}
        </a>
      ) : null}
      {needsSignIn && waiting > 0 ? (
        <Button type="button" variant="secondary" onClick={lockNow}>
          {t("signInToSend")}
        </Button>
      ) : null}
      {waiting > 0 ? (
        <Button type="button" variant="secondary" className="ml-auto" disabled={sending} onClick={() => void sendNow()}>
          <RefreshCw aria-hidden className="h-5 w-5" />
          {t("sendNow")}
        </Button>
      ) : null}
    </div>
  );
}
