"use client";

import { Users } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useOffline } from "./offline-provider";

/**
 * Hand the tablet to the next aide: deliver this aide's outbox if online, end her server session (audited
 * sign-out), drop her key from memory and show the lock screen's list. Her data stays here, locked under
 * her key; what could not be sent waits for her next sign-in and is sent as hers.
 */
export function SwitchAide({ onDone }: { onDone?: () => void }) {
  const { api, sendNow, setPhase, forget } = useOffline();
  const t = useTranslations("tablet.switch");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function switchNow() {
    if (!api) return;
    setBusy(true);
    setError(null);
    try {
      if (navigator.onLine) await sendNow();
      // offline the server session cannot be ended now: the next switch signs it out first (or it idles out)
      await api.endForSwitch().catch(() => undefined);
      api.lock();
      forget();
      onDone?.();
      setPhase({ kind: "locked", reason: "switched", name: "", email: "", kept: 0, lockedOut: true, needsSignIn: false });
    } catch {
      setError(t("switchFailed"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button type="button" variant="ghost" className="w-full justify-start" disabled={busy || !api} onClick={() => void switchNow()}>
        <Users aria-hidden className="h-5 w-5" />
        {busy ? t("switching") : t("switch")}
      </Button>
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </>
  );
}
