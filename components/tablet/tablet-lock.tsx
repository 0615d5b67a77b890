"use client";

import { Lock } from "lucide-react";
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useOffline, type Phase } from "./offline-provider";

// the aides enrolled for PIN sign-in on this tablet (shared tablets only): loaded with the lock screen
const EnrolledAides = lazy(() => import("./enrolled-aides").then((m) => ({ default: m.EnrolledAides })));

/**
 * The tablet's lock (idle timeout, or a reopened page whose key is no longer in memory). Online, the
 * password signs in again (a new session) and re-keeps the offline copy of the key; offline, it is
 * checked on the device by unwrapping the data key. After 10 wrong offline tries only an online
 * sign-in opens the store again.
 */
export function TabletLock({ phase, idleMinutes }: { phase: Extract<Phase, { kind: "locked" }>; idleMinutes: number }) {
  const { api, setPhase, refresh, sendNow } = useOffline();
  const t = useTranslations("tablet.lock");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  // a shared tablet after "Switch aide": only the list of aides enrolled here, and the full sign-in
  const switched = phase.reason === "switched";

  async function unlock(e: React.FormEvent) {
    e.preventDefault();
    if (!api || !password) return;
    setBusy(true);
    setError(null);
    try {
      if (navigator.onLine) {
        const online = await signInOnline(phase.email, password);
        if (online === "ok") {
          const r = await api.unlockOnline();
          if (r.ok) {
            await api.rememberPassword(phase.email, password);
            setPhase({ kind: "ready" });
            await refresh();
            void sendNow();
            return;
          }
        } else if (online === "wrong") {
          setError(t("wrongOnline"));
          setPassword("");
          return;
        }
      }
      const r = await api.unlockWithPassword(password);
      if (r.ok) {
        setPhase({ kind: "ready" });
        await refresh();
        return;
      }
      setPassword("");
      if (r.reason === "wrong") setError(t("wrong", { left: r.left }));
      else setPhase({ ...phase, lockedOut: true });
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  }

  return (
    <div role="dialog" aria-modal="true" aria-labelledby="lock-title" className="fixed inset-0 z-50 overflow-y-auto bg-background">
      <div className="mx-auto max-w-md space-y-5 px-5 py-16">
        <Lock aria-hidden className="h-10 w-10 text-primary" />
        <h1 id="lock-title" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <Suspense fallback={null}>
          <EnrolledAides />
        </Suspense>
        {switched ? null : (
          <>
        <p className="text-muted-foreground">{phase.reason === "idle" ? t("intro", { minutes: idleMinutes, name: phase.name }) : t("reopened", { name: phase.name })}</p>
        {phase.kept > 0 ? <Alert tone="info">{t("keptChanges", { count: phase.kept, name: phase.name })}</Alert> : null}
        {phase.lockedOut && !navigator.onLine ? <Alert tone="danger">{t("lockedOut")}</Alert> : null}
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <form onSubmit={(e) => void unlock(e)} className="space-y-4" aria-label={t("title")}>
          <div className="space-y-2">
            <Label htmlFor="unlock-password">{t("password")}</Label>
            <Input ref={input} id="unlock-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
          </div>
          <Button type="submit" size="lg" className="w-full" disabled={busy || !password}>
            {busy ? t("unlocking") : t("unlock")}
          </Button>
        </form>
          </>
        )}
        <a href="/login" onClick={signInAsSomeoneElse} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
          {t("otherUser")}
        </a>
      </div>
    </div>
  );
}

/** The full sign-in for another person: whoever's session is still open ends first (else /login sends it back). */
function signInAsSomeoneElse(e: React.MouseEvent<HTMLAnchorElement>) {
  if (!navigator.onLine) return;
  e.preventDefault();
  const href = e.currentTarget.href;
  void import("next-auth/react")
    .then((m) => m.signOut({ callbackUrl: "/login" }))
    .catch(() => window.location.assign(href));
}

async function signInOnline(email: string, password: string): Promise<"ok" | "wrong" | "unreachable"> {
  if (!email) return "unreachable";
  try {
    const { signIn } = await import("next-auth/react");
    const res = await signIn("credentials", { email, password, redirect: false });
    return res?.ok && !res.error ? "ok" : "wrong";
  } catch {
    return "unreachable";
  }
}
