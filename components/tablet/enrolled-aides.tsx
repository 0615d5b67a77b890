"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EnrolledAide } from "@/lib/offline/pin";
import { useOffline } from "./offline-provider";
import { PinPad } from "./pin-pad";

/**
 * The lock screen's list of aides enrolled on *this* tablet (name and initials, from the device's own list)
 * and the PIN entry for the one tapped. A right PIN opens a real server session for that aide and then
 * their data (lib/offline/pin.ts switchWithPin); nothing of anyone else's is shown.
 */
export function EnrolledAides() {
  const { api, setPhase, refresh, sendNow } = useOffline();
  const t = useTranslations("tablet.switch");
  const [aides, setAides] = useState<EnrolledAide[] | null>(null);
  const [chosen, setChosen] = useState<EnrolledAide | null>(null);
  const [pin, setPin] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!api) return;
    void api.enrolledAides().then(setAides);
  }, [api]);
  useEffect(() => {
    if (chosen) input.current?.focus();
  }, [chosen]);

  if (!api || !aides || aides.length === 0) return null;

  async function open(e: React.FormEvent) {
    e.preventDefault();
    if (!api || !chosen || !pin) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await api.switchWithPin(chosen.enrolmentId, pin);
      setPin("");
      if (r.ok) {
        // the view is rebuilt from this aide's own records before anything is shown
        await refresh();
        setPhase({ kind: "ready" });
        // her own changes left here earlier go now, as hers
        void sendNow();
        return;
      }
      if (r.reason === "wrong") setMessage(t("wrong", { left: r.left }));
      else if (r.reason === "ended" || r.reason === "disabled") {
        setMessage(r.reason === "ended" ? t("ended", { name: chosen.name }) : t("disabled", { name: chosen.name }));
        setChosen(null);
        setAides(await api.enrolledAides());
      } else setMessage(r.reason === "offline" ? t("offline") : r.reason === "rate-limited" ? t("rateLimited") : t("unavailable"));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="aides-title" className="space-y-3">
      <h2 id="aides-title" className="text-xl font-semibold">
        {t("listTitle")}
      </h2>
      {message ? <Alert tone="danger">{message}</Alert> : null}
      {chosen ? (
        <form onSubmit={(e) => void open(e)} className="space-y-4">
          <p className="flex items-center gap-3 text-lg font-semibold">
            <Initials text={chosen.initials} />
            {chosen.name}
          </p>
          <PinPad ref={input} id="switch-pin" label={t("pinFor", { name: chosen.name })} value={pin} onChange={setPin} disabled={busy} />
          <Button type="submit" size="lg" className="w-full" disabled={busy || pin.length < 6}>
            {busy ? t("opening") : t("open")}
          </Button>
          <Button type="button" variant="ghost" className="w-full" disabled={busy} onClick={() => {
              setChosen(null);
              setPin("");
              setMessage(null);
            }}>
            {t("back")}
          </Button>
        </form>
      ) : (
        <>
          <p className="text-muted-foreground">{t("pick")}</p>
          <ul className="grid grid-cols-2 gap-3">
            {aides.map((a) => (
              <li key={a.enrolmentId}>
                <Button type="button" variant="secondary" size="lg" className="h-auto w-full justify-start gap-3 py-3 text-left" aria-label={t("signInAs", { name: a.name })} onClick={() => {
                    setChosen(a);
                    setMessage(null);
                  }}>
                  <Initials text={a.initials} />
                  <span className="min-w-0">
                    <span className="block truncate font-semibold">{a.name}</span>
                    {a.waiting ? <span className="block text-sm font-normal text-muted-foreground">{t("waiting")}</span> : null}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Initials({ text }: { text: string }) {
  return (
    <span aria-hidden className="flex h-12 w-12 shrink-0 items-center justify-center rounded-full bg-primary text-lg font-bold text-primary-foreground">
      {text}
    </span>
  );
}
