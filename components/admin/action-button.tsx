"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import { useFormStatus } from "@/components/forms/use-form-status";

/** One button that runs one server action (deactivate, discharge, remove an assignment) and says what happened. */
export function ActionButton<I>({
  action,
  input,
  children,
  done,
  confirm,
  variant = "secondary",
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  children: ReactNode;
  done: string;
  confirm?: string;
  variant?: "primary" | "secondary" | "danger" | "ghost";
}) {
  // Disabled until hydrated, so an early tap waits for a working button instead of being lost.
  const hydrated = useHydrated();
  const errorsT = useTranslations("errors");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useFormStatus();
  const run = async () => {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setStatus(null);
    try {
      const res = await action(input);
      // on success the action's response carries the page re-rendered (lib/after-save.ts)
      setStatus(res.ok ? { tone: "success", text: done } : { tone: "danger", text: res.message });
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-2">
      <Button type="button" variant={variant} disabled={busy || !hydrated} onClick={run}>
        {children}
      </Button>
      <FormMessage status={status} />
    </div>
  );
}
