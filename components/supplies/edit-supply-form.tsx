"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import { updateSupplySchema, type UpdateSupplyInput } from "@/lib/supplies/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Values = { supplyId: string; name: string; unit: string; reorderLevel: string; version: number };

/** Admins: rename a supply or change its unit or reorder level (stock changes only through movements). */
export function EditSupplyForm({
  supply,
  onSubmit,
}: {
  supply: { id: string; name: string; unit: string; reorderLevel: number; version: number };
  onSubmit: (i: UpdateSupplyInput) => Promise<ActionResult<{ version: number }>>;
}) {
  const t = useTranslations("supplyForms");
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useFormStatus();
  const resolver = useIntlResolver<Values, unknown, Values>(zodResolver(updateSupplySchema, zodIntlParams) as never);
  const form = useForm<Values>({
    resolver,
    values: { supplyId: supply.id, name: supply.name, unit: supply.unit, reorderLevel: String(supply.reorderLevel), version: supply.version },
  });
  const { errors, isSubmitting } = form.formState;
  const p = `edit-${supply.id}`;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit(form.getValues());
      if (res.ok) setOpen(false);
      else {
        for (const [f, m] of Object.entries(res.fieldErrors ?? {})) form.setError(f as keyof Values, { message: m[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: t("offline") });
    }
  });
  if (!open) {
    return (
      <Button variant="ghost" disabled={!hydrated} aria-label={t("editOf", { name: supply.name })} onClick={() => setOpen(true)}>
        {t("edit")}
      </Button>
    );
  }
  const field = (name: "name" | "unit" | "reorderLevel", label: string) => (
    <div className="space-y-1">
      <Label htmlFor={`${p}-${name}`}>{label}</Label>
      <Input id={`${p}-${name}`} aria-invalid={errors[name] ? true : undefined} aria-describedby={`${p}-${name}-error`} {...form.register(name)} />
      <FieldError id={`${p}-${name}-error`} message={errors[name]?.message} />
    </div>
  );
  return (
    <ClientForm onSubmit={submit} className="w-full space-y-3 rounded-lg bg-muted p-3" aria-label={t("editOf", { name: supply.name })}>
      <FormMessage status={status} />
      <div className="grid gap-3 sm:grid-cols-3">
        {field("name", t("name"))}
        {field("unit", t("unit"))}
        {field("reorderLevel", t("reorderAt"))}
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {t("save")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </ClientForm>
  );
}
