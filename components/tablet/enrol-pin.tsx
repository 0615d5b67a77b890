"use client";

import { KeyRound } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PIN_MIN_DIGITS, pinProblem, type PinProblem } from "@/lib/auth/pin-rules";
import { formatClinicDate } from "@/lib/time";
import { useOffline } from "./offline-provider";
import { PinPad } from "./pin-pad";

// Local until the tablet namespace lands in the catalogs (tablet.enrol).
const S = {
  open: "Set up PIN sign-in on this tablet",
  title: "PIN sign-in on this tablet",
  intro: `Choose a PIN of at least ${PIN_MIN_DIGITS} digits. Next time, tap your name on the lock screen and type it: your own session opens in seconds. The PIN stays on this tablet; nobody else can use it elsewhere.`,
  pin: "New PIN",
  confirm: "Type the PIN again",
  save: "Set up PIN",
  saving: "Setting up…",
  cancel: "Cancel",
  differ: "The two PINs differ.",
  problem: { digits: "Use digits only.", length: `Use at least ${PIN_MIN_DIGITS} digits (at most 12).`, guessable: "That PIN is too easy to guess (repeated or in sequence). Choose another." } satisfies Record<PinProblem, string>,
  done: (until: string) => `PIN sign-in is set up on this tablet until ${until}. Use “Switch aide” to hand the tablet over.`,
  failed: "Could not set up the PIN. Check the Wi-Fi and try again.",
};

/** After a full sign-in: enrol this tablet for the aide's PIN sign-in (lib/offline/pin.ts enrolThisTablet). */
export function EnrolPin({ onDone }: { onDone?: () => void }) {
  const { api, view } = useOffline();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState("");
  const [again, setAgain] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (!api || !view) return;
    const problem = pinProblem(pin);
    if (problem) return setError(S.problem[problem]);
    if (pin !== again) return setError(S.differ);
    setBusy(true);
    setError(null);
    try {
      const r = await api.enrolThisTablet(pin, view.user.name);
      if (!r.ok) return setError(r.message ?? S.failed);
      setDone(S.done(formatClinicDate(new Date(r.expiresAt), view.clinic.timeZone)));
      setOpen(false);
      setPin("");
      setAgain("");
      onDone?.();
    } catch {
      setError(S.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button type="button" variant="ghost" className="w-full justify-start" disabled={!api || !view} onClick={() => {
          setOpen(true);
          setDone(null);
        }}>
        <KeyRound aria-hidden className="h-5 w-5" />
        {S.open}
      </Button>
      {done ? (
        <Alert tone="success" className="m-1">
          {done}
        </Alert>
      ) : null}
      {open ? (
        <div role="dialog" aria-modal="true" aria-labelledby="enrol-title" className="fixed inset-0 z-50 overflow-y-auto bg-background">
          <form onSubmit={(e) => void save(e)} className="mx-auto max-w-md space-y-4 px-5 py-10" aria-labelledby="enrol-title">
            <h2 id="enrol-title" className="text-2xl font-semibold">
              {S.title}
            </h2>
            <p className="text-muted-foreground">{S.intro}</p>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <PinPad ref={first} id="enrol-pin" label={S.pin} value={pin} onChange={setPin} disabled={busy} />
            <PinPad id="enrol-pin-again" label={S.confirm} value={again} onChange={setAgain} disabled={busy} />
            <Button type="submit" size="lg" className="w-full" disabled={busy || !pin || !again}>
              {busy ? S.saving : S.save}
            </Button>
            <Button type="button" variant="ghost" className="w-full" disabled={busy} onClick={() => {
                setOpen(false);
                setError(null);
              }}>
              {S.cancel}
            </Button>
          </form>
        </div>
      ) : null}
    </>
  );
}
