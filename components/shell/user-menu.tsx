"use client";

import { ChevronDown, KeyRound, Languages, LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

const ITEM =
  "flex min-h-11 w-full cursor-pointer items-center gap-2 rounded-md px-3 text-left text-base text-foreground outline-none hover:bg-muted focus-visible:bg-muted focus-visible:ring-2 focus-visible:ring-ring";

/**
 * The account disclosure: who is signed in, account and language, change password, sign out. A plain disclosure (button with
 * aria-expanded and a panel) rather than a menu widget: it needs no library (the Radix dropdown was 40 kB
 * gzip of every page's first load), Tab and Escape behave as users expect, and outside taps close it.
 * next-auth's client is loaded only when "Sign out" is tapped.
 */
export function UserMenu({ name, role, title, clinic }: { name: string; role: string; title: string | null; clinic: string }) {
  // Disabled until hydrated: the panel cannot open before then, and the tap would be lost.
  const hydrated = useHydrated();
  const t = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent | FocusEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        trigger.current?.focus();
      }
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", outside);
    document.addEventListener("keydown", escape);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", outside);
      document.removeEventListener("keydown", escape);
    };
  }, [open]);

  async function signOutNow() {
    setSigningOut(true);
    setError(null);
    try {
      const { signOut } = await import("next-auth/react");
      await signOut({ callbackUrl: "/login?reason=signed-out" });
    } catch {
      setSigningOut(false);
      setError(t("signOutFailed"));
    }
  }

  return (
    <div ref={root} className="relative">
      <Button ref={trigger} variant="ghost" disabled={!hydrated} aria-label={t("accountMenu", { name })} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <span className="max-w-40 truncate">{name}</span>
        <ChevronDown aria-hidden className="h-4 w-4" />
      </Button>
      <div id={panelId} hidden={!open} className="absolute right-0 z-50 mt-1 min-w-56 rounded-lg border border-border bg-surface p-1 shadow-lg">
        <div className="px-3 py-2 text-sm text-muted-foreground">
          <span className="block font-semibold text-foreground">{name}</span>
          <span className="block">
            {role}
            {title ? ` · ${title}` : ""}
          </span>
          <span className="block">{clinic}</span>
        </div>
        <div role="separator" className="my-1 h-px bg-border" />
        <Link href="/account" className={ITEM} onClick={() => setOpen(false)}>
          <Languages aria-hidden className="h-5 w-5" />
          {t("account")}
        </Link>
        <Link href="/account/password" className={ITEM} onClick={() => setOpen(false)}>
          <KeyRound aria-hidden className="h-5 w-5" />
          {t("changePassword")}
        </Link>
        <button type="button" className={ITEM} disabled={signingOut} onClick={() => void signOutNow()}>
          <LogOut aria-hidden className="h-5 w-5" />
          {signingOut ? t("signingOut") : t("signOut")}
        </button>
        {error ? (
          <p role="alert" className="px-3 py-2 text-sm font-semibold text-danger">
            {error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
