"use client";

import { Lock } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import dynamic from "next/dynamic";

// Loaded only when the screen locks: keeps react-hook-form and zod out of every signed-in page's first load.
const LoginForm = dynamic(() => import("@/components/auth/login-form").then((m) => m.LoginForm), { ssr: false });

const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart"] as const;
const PING_EVERY_MS = 60_000;

/**
 * Locks the screen after the clinic's idle timeout (DESIGN rule 10): the page stays mounted, so what
 * the user was typing is kept, but it is hidden until they sign in again. Activity is reported to the
 * server at most once a minute so the server's idle timer follows real use.
 */
export function IdleLock({ idleMinutes, email, name, children }: { idleMinutes: number; email: string; name: string; children: ReactNode }) {
  const [locked, setLocked] = useState(false);
  const t = useTranslations("shell");
  // 0 until the effect below starts the clock (render must stay pure)
  const lastActivity = useRef(0);
  const lastPing = useRef(0);
  const router = useRouter();

  const lock = useCallback(() => setLocked(true), []);

  useEffect(() => {
    if (locked) return;
    lastActivity.current = Date.now();
    lastPing.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastPing.current >= PING_EVERY_MS) {
        lastPing.current = now;
        fetch("/api/session/activity", { method: "POST" })
          .then((r) => {
            if (r.status === 401) lock();
          })
          .catch(() => {
            /* offline: the idle timer below still protects the screen */
          });
      }
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= idleMinutes * 60_000) lock();
    }, 5_000);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [idleMinutes, locked, lock]);

  return (
    <>
      <div hidden={locked} aria-hidden={locked || undefined} inert={locked || undefined}>
        {children}
      </div>
      {locked ? (
        <div role="dialog" aria-modal="true" aria-labelledby="lock-title" className="fixed inset-0 z-50 overflow-y-auto bg-background">
          <div className="mx-auto max-w-md px-5 py-16">
            <Lock aria-hidden className="h-10 w-10 text-primary" />
            <h1 id="lock-title" className="mt-4 text-2xl font-semibold">
              {t("lockTitle")}
            </h1>
            <p className="mt-2 text-muted-foreground">
              {t("lockBody", { minutes: idleMinutes, name })}
            </p>
            <div className="mt-6">
              <LockSignIn
                email={email}
                onUnlocked={() => {
                  lastActivity.current = Date.now();
                  lastPing.current = Date.now();
                  setLocked(false);
                  router.refresh();
                }}
              />
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}

function LockSignIn({ email, onUnlocked }: { email: string; onUnlocked: () => void }) {
  return <LoginForm next="" defaultEmail={email} onSignedIn={onUnlocked} />;
}
