"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/action-result";
import { createSupplySchema, type CreateSupplyInput } from "@/lib/supplies/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Values = { id: string; name: string; unit: string; onHand: string; reorderLevel: string };
const fresh = (): Values => ({ id: crypto.randomUUID(), name: "", unit: "", onHand: "0", reorderLevel: "0" });

export function AddSupplyForm({ onSubmit }: { onSubmit: (i: CreateSupplyInput) => Promise<ActionResult<{ created: boolean }>> }) {
  const t = useTranslations("supplyForms");
  const [status, setStatus] = useFormStatus();
  const resolver = useIntlResolver<Values, unknown, Values>(zodResolver(createSupplySchema, zodIntlParams) as never);
  const form = useForm<Values>({ resolver, defaultValues: fresh() });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit(form.getValues());
      if (res.ok) {
        setStatus({ tone: "success", text: t("added", { name: form.getValues("name") }) });
        form.reset(fresh());
      } else {
        for (const [f, m] of Object.entries(res.fieldErrors ?? {})) form.setError(f as keyof Values, { message: m[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: t("offline") });
    }
  });
  const field = (name: keyof Values, label: string, numeric = false) => (
    <div className="space-y-1">
      <Label htmlFor={`new-${name}`}>{label}</Label>
      <Input
        id={`new-${name}`}
        inputMode={numeric ? "numeric" : undefined}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`new-${name}-error`}
        {...form.register(name)}
      />
      <FieldError id={`new-${name}-error`} message={errors[name]?.message} />
    </div>
  );
  return (
    <ClientForm onSubmit={submit} className="space-y-3" aria-label={t("addForm")}>
      <FormMessage status={status} />
      <div className="grid gap-3 sm:grid-cols-2">
        {field("name", t("name"))}
        {field("unit", t("unitHint"))}
        {field("onHand", t("onHandNow"), true)}
        {field("reorderLevel", t("reorderAt"), true)}
      </div>
      <Button type="submit" disabled={isSubmitting}>
        {t("addSupply")}
      </Button>
    </ClientForm>
  );
}
