"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { EnrolledAide } from "@/lib/offline/pin";
import { useOffline } from "./offline-provider";
import { PinPad } from "./pin-pad";

// Local until the tablet namespace lands in the catalogs (tablet.switch).
const S = {
  listTitle: "Aides on this tablet",
  pick: "Tap your name and enter your PIN.",
  signInAs: (name: string) => `Sign in as ${name}`,
  waiting: "Has changes waiting on this tablet",
  pinFor: (name: string) => `PIN for ${name}`,
  open: "Open my day",
  opening: "Opening…",
  back: "Someone else",
  wrong: (left: number) => `That PIN is not right. ${left} ${left === 1 ? "try" : "tries"} left, then a sign-in with your password is needed.`,
  ended: (name: string) => `PIN sign-in for ${name} has ended on this tablet (revoked by an administrator, or expired). Sign in with your email and password; you can then set up a PIN again.`,
  disabled: (name: string) => `Too many wrong PINs: PIN sign-in for ${name} is off on this tablet. Sign in with your email and password to set it up again.`,
  offline: "PIN sign-in needs the Wi-Fi. Connect, then try again.",
  rateLimited: "Too many sign-in attempts from this tablet. Wait 15 minutes, or ask your administrator to help.",
  unavailable: "TheraTrack cannot open your day right now. Try again in a moment.",
};

/**
 * The lock screen's list of aides enrolled on *this* tablet (name and initials, from the device's own list)
 * and the PIN entry for the one tapped. A right PIN opens a real server session for that aide and then
 * their data (lib/offline/pin.ts switchWithPin); nothing of anyone else's is shown.
 */
export function EnrolledAides() {
  const { api, setPhase, refresh, sendNow } = useOffline();
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
      if (r.reason === "wrong") setMessage(S.wrong(r.left));
      else if (r.reason === "ended" || r.reason === "disabled") {
        setMessage(r.reason === "ended" ? S.ended(chosen.name) : S.disabled(chosen.name));
        setChosen(null);
        setAides(await api.enrolledAides());
      } else setMessage(r.reason === "offline" ? S.offline : r.reason === "rate-limited" ? S.rateLimited : S.unavailable);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="aides-title" className="space-y-3">
      <h2 id="aides-title" className="text-xl font-semibold">
        {S.listTitle}
      </h2>
      {message ? <Alert tone="danger">{message}</Alert> : null}
      {chosen ? (
        <form onSubmit={(e) => void open(e)} className="space-y-4">
          <p className="flex items-center gap-3 text-lg font-semibold">
            <Initials text={chosen.initials} />
            {chosen.name}
          </p>
          <PinPad ref={input} id="switch-pin" label={S.pinFor(chosen.name)} value={pin} onChange={setPin} disabled={busy} />
          <Button type="submit" size="lg" className="w-full" disabled={busy || pin.length < 6}>
            {busy ? S.opening : S.open}
          </Button>
          <Button type="button" variant="ghost" className="w-full" disabled={busy} onClick={() => {
              setChosen(null);
              setPin("");
              setMessage(null);
            }}>
            {S.back}
          </Button>
        </form>
      ) : (
        <>
          <p className="text-muted-foreground">{S.pick}</p>
          <ul className="grid grid-cols-2 gap-3">
            {aides.map((a) => (
              <li key={a.enrolmentId}>
                <Button type="button" variant="secondary" size="lg" className="h-auto w-full justify-start gap-3 py-3 text-left" aria-label={S.signInAs(a.name)} onClick={() => {
                    setChosen(a);
                    setMessage(null);
                  }}>
                  <Initials text={a.initials} />
                  <span className="min-w-0">
                    <span className="block truncate font-semibold">{a.name}</span>
                    {a.waiting ? <span className="block text-sm font-normal text-muted-foreground">{S.waiting}</span> : null}
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
