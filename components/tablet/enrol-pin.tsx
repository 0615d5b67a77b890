"use client";

import { KeyRound } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS, pinProblem } from "@/lib/auth/pin-rules";
import { formatClinicDate } from "@/lib/time";
import { useOffline } from "./offline-provider";
import { PinPad } from "./pin-pad";

/** After a full sign-in: enrol this tablet for the aide's PIN sign-in (lib/offline/pin.ts enrolThisTablet). */
export function EnrolPin({ onDone }: { onDone?: () => void }) {
  const { api, view } = useOffline();
  const t = useTranslations("tablet.enrol");
  const locale = useLocale();
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
    if (problem) return setError(t(`problem.${problem}`, { min: PIN_MIN_DIGITS, max: PIN_MAX_DIGITS }));
    if (pin !== again) return setError(t("differ"));
    setBusy(true);
    setError(null);
    try {
      const r = await api.enrolThisTablet(pin, view.user.name);
      if (!r.ok) return setError(r.message ?? t("failed"));
      setDone(t("done", { until: formatClinicDate(new Date(r.expiresAt), view.clinic.timeZone, locale) }));
      setOpen(false);
      setPin("");
      setAgain("");
      onDone?.();
    } catch {
      setError(t("failed"));
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
        {t("open")}
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
              {t("title")}
            </h2>
            <p className="text-muted-foreground">{t("intro", { min: PIN_MIN_DIGITS })}</p>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <PinPad ref={first} id="enrol-pin" label={t("pin")} value={pin} onChange={setPin} disabled={busy} />
            <PinPad id="enrol-pin-again" label={t("confirm")} value={again} onChange={setAgain} disabled={busy} />
            <Button type="submit" size="lg" className="w-full" disabled={busy || !pin || !again}>
              {busy ? t("saving") : t("save")}
            </Button>
            <Button type="button" variant="ghost" className="w-full" disabled={busy} onClick={() => {
                setOpen(false);
                setError(null);
              }}>
              {t("cancel")}
            </Button>
          </form>
        </div>
      ) : null}
    </>
  );
}
