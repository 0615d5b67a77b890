"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FieldError } from "@/components/forms/form-message";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import { prepItemNoteSchema, type PrepItemNoteInput } from "@/lib/rooms/schemas";

type Values = { itemId: string; note: string; version: number };

/** The note on one checklist item: shown when there is one, editable behind an "Add note" button. */
export function PrepItemNote({
  item,
  editable,
  onSave,
  onSaved,
}: {
  item: { id: string; label: string; note: string | null; version: number };
  editable: boolean;
  onSave: (i: PrepItemNoteInput) => Promise<ActionResult<{ version: number }>>;
  onSaved: () => void;
}) {
  const t = useTranslations("roomForms");
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const resolver = useIntlResolver<Values, unknown, Values>(zodResolver(prepItemNoteSchema, zodIntlParams) as never);
  const form = useForm<Values>({
    resolver,
    values: { itemId: item.id, note: item.note ?? "", version: item.version },
  });
  const fieldId = `note-${item.id}`;

  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      const res = await onSave(values);
      if (res.ok) {
        setOpen(false);
        onSaved();
      } else {
        if (res.fieldErrors?.note) form.setError("note", { message: res.fieldErrors.note[0] });
        setMessage(res.message);
      }
    } catch {
      setMessage(t("offline"));
    }
  });

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3 pl-10">
        {item.note ? <p className="italic">{t("note", { note: item.note })}</p> : null}
        {editable ? (
          <Button variant="ghost" disabled={!hydrated} aria-label={t("noteAction", { action: item.note ? t("editNote") : t("addNote"), label: item.label })} onClick={() => setOpen(true)}>
            {item.note ? t("editNote") : t("addNote")}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <ClientForm onSubmit={submit} className="space-y-2 pl-10" aria-label={t("noteFor", { label: item.label })}>
      <Label htmlFor={fieldId}>{t("noteFor", { label: item.label })}</Label>
      <Input id={fieldId} aria-invalid={form.formState.errors.note ? true : undefined} aria-describedby={`${fieldId}-error`} {...form.register("note")} />
      <FieldError id={`${fieldId}-error`} message={form.formState.errors.note?.message ?? message ?? undefined} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          {t("saveNote")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </ClientForm>
  );
}
