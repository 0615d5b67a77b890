"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { CheckCircle2 } from "lucide-react";
import { FormMessage } from "@/components/forms/form-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import type { PrepItemNoteInput } from "@/lib/rooms/schemas";
import { formatClinicTime } from "@/lib/time";
import { PrepItemNote } from "./prep-item-note";
import { useFormStatus } from "@/components/forms/use-form-status";

export type PrepItem = {
  id: string;
  label: string;
  required: boolean;
  equipmentId: string | null;
  result: "ok" | "failed" | null;
  checkedAt: Date | null;
  checkedByName: string | null;
  note: string | null;
  version: number;
};

type Actions = {
  checkItem: (i: { itemId: string; result: "ok" | "failed" }) => Promise<ActionResult<{ equipmentFlagged: boolean }>>;
  uncheckItem: (i: { itemId: string }) => Promise<ActionResult<unknown>>;
  saveItemNote: (i: PrepItemNoteInput) => Promise<ActionResult<{ version: number }>>;
  completePrep: (i: { prepId: string }) => Promise<ActionResult<unknown>>;
};

export function PrepChecklist({
  prep,
  canPrep,
  timeZone,
  actions,
}: {
  prep: { id: string; status: string; completedAt: Date | null; completedByName: string | null; items: PrepItem[] };
  canPrep: boolean;
  timeZone: string;
  actions: Actions;
}) {
  const router = useRouter();
  const t = useTranslations("roomForms");
  const locale = useLocale();
  const [status, setStatus] = useFormStatus();
  const [pending, startTransition] = useTransition();
  // Disabled until hydrated: an early tap would tick a box (or press a button) without saving anything.
  const hydrated = useHydrated();
  const done = prep.status === "ready";
  const editable = canPrep && !done;
  const openRequired = prep.items.filter((i) => i.required && i.result === null).length;
  const time = (d: Date) => formatClinicTime(d, timeZone, locale);

  function run(fn: () => Promise<ActionResult<unknown>>, success?: string) {
    setStatus(null);
    startTransition(async () => {
      try {
        const res = await fn();
        if (!res.ok) setStatus({ tone: "danger", text: res.message });
        else if (success) setStatus({ tone: "success", text: success });
        // the one re-render of a tick (its actions do not refresh): what the list is now, also after a refusal
        // (someone else may have ticked it). A refresh() inside the action re-rendered the page with the
        // request language of the service worker's fetch under Playwright (lang="en" for a Spanish aide).
        router.refresh();
      } catch {
        setStatus({ tone: "danger", text: t("offline") });
      }
    });
  }

  return (
    <div className="mt-3 space-y-4">
      <FormMessage status={status} />
      {prep.items.length === 0 ? (
        <p className="text-muted-foreground">{t("noItems")}</p>
      ) : null}
      <ul className="divide-y divide-border" aria-label={t("checklistItems")}>
        {prep.items.map((item) => {
          const inputId = `item-${item.id}`;
          return (
            <li key={item.id} className="space-y-2 py-3">
              <div className="flex flex-wrap items-center gap-3">
                <label htmlFor={inputId} className="flex min-h-12 flex-1 cursor-pointer items-center gap-3">
                  <input
                    id={inputId}
                    type="checkbox"
                    className="h-7 w-7 shrink-0 accent-primary"
                    checked={item.result !== null}
                    disabled={!editable || pending || !hydrated}
                    onChange={(e) =>
                      run(() => (e.target.checked ? actions.checkItem({ itemId: item.id, result: "ok" }) : actions.uncheckItem({ itemId: item.id })))
                    }
                  />
                  <span className={item.result === "ok" ? "text-lg text-muted-foreground line-through" : "text-lg"}>{item.label}</span>
                </label>
                {item.required ? null : <Badge>{t("optional")}</Badge>}
                {item.result === "failed" ? <Badge tone="danger">{t("failedBadge")}</Badge> : null}
                {item.equipmentId && item.result === null && editable ? (
                  <Button
                    variant="secondary"
                    disabled={pending || !hydrated}
                    aria-label={t("markFailedOf", { label: item.label })}
                    onClick={() => run(() => actions.checkItem({ itemId: item.id, result: "failed" }), t("markedFailed"))}
                  >
                    {t("markFailed")}
                  </Button>
                ) : null}
              </div>
              {item.checkedAt ? (
                <p className="pl-10 text-muted-foreground">
                  {t("checkedBy", { result: item.result ?? "ok", name: item.checkedByName ?? t("someone"), time: time(item.checkedAt) })}
                </p>
              ) : null}
              <PrepItemNote item={item} editable={editable} onSave={actions.saveItemNote} onSaved={() => router.refresh()} />
            </li>
          );
        })}
      </ul>
      {done ? (
        <p className="flex items-center gap-2 text-lg font-semibold text-success">
          <CheckCircle2 aria-hidden className="h-6 w-6" /> {t("roomReady")}
          {prep.completedAt ? ` · ${t("markedBy", { name: prep.completedByName ?? t("someone"), time: time(prep.completedAt) })}` : ""}
        </p>
      ) : canPrep ? (
        <div className="flex flex-wrap items-center gap-4">
          <Button size="lg" disabled={pending || !hydrated} onClick={() => run(() => actions.completePrep({ prepId: prep.id }), t("markedReady"))}>
            {t("markReady")}
          </Button>
          <p className="text-muted-foreground">
            {openRequired === 0 ? t("allRequiredDone") : t("requiredOpen", { count: openRequired })}
          </p>
        </div>
      ) : null}
    </div>
  );
}
