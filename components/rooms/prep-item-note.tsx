"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FieldError } from "@/components/forms/form-message";
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
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(prepItemNoteSchema) as never,
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
      setMessage("Cannot reach TheraTrack. Nothing was saved; check the Wi-Fi and try again.");
    }
  });

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3 pl-10">
        {item.note ? <p className="italic">Note: {item.note}</p> : null}
        {editable ? (
          <Button variant="ghost" disabled={!hydrated} aria-label={`${item.note ? "Edit note" : "Add note"}: ${item.label}`} onClick={() => setOpen(true)}>
            {item.note ? "Edit note" : "Add note"}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <ClientForm onSubmit={submit} className="space-y-2 pl-10" aria-label={`Note for ${item.label}`}>
      <Label htmlFor={fieldId}>Note for “{item.label}”</Label>
      <Input id={fieldId} aria-invalid={form.formState.errors.note ? true : undefined} aria-describedby={`${fieldId}-error`} {...form.register("note")} />
      <FieldError id={`${fieldId}-error`} message={form.formState.errors.note?.message ?? message ?? undefined} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>
          Save note
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </ClientForm>
  );
}
