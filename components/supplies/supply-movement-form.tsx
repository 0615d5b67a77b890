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
import { supplyMovementSchema, type SupplyMovementInput } from "@/lib/supplies/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Values = { id: string; supplyId: string; kind: "use" | "restock"; quantity: string; note: string };

/** Record use or restock of one supply. The movement id is made here, once per intended movement,
 * so a retried or double-tapped submit is recorded once. */
export function SupplyMovementForm({
  supply,
  onSubmit,
}: {
  supply: { id: string; name: string; unit: string };
  onSubmit: (i: SupplyMovementInput) => Promise<ActionResult<{ onHand: number; low?: boolean }>>;
}) {
  const t = useTranslations("supplyForms");
  const [status, setStatus] = useFormStatus();
  const resolver = useIntlResolver<Values, unknown, Values>(zodResolver(supplyMovementSchema, zodIntlParams) as never);
  const form = useForm<Values>({
    resolver,
    defaultValues: { id: crypto.randomUUID(), supplyId: supply.id, kind: "use", quantity: "1", note: "" },
  });
  const p = `mv-${supply.id}`;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const values = form.getValues();
      const res = await onSubmit(values);
      if (res.ok) {
        setStatus({ tone: "success", text: t("recorded", { kind: values.kind, onHand: res.data.onHand, unit: supply.unit }) });
        form.reset({ id: crypto.randomUUID(), supplyId: supply.id, kind: "use", quantity: "1", note: "" });
      } else {
        if (res.fieldErrors?.quantity) form.setError("quantity", { message: res.fieldErrors.quantity[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      // keep the same movement id: retrying this submit must not record it twice
      setStatus({ tone: "danger", text: t("offline") });
    }
  });
  return (
    <ClientForm onSubmit={submit} className="space-y-2" aria-label={t("moveForm", { name: supply.name })}>
      <FormMessage status={status} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-28 space-y-1">
          <Label htmlFor={`${p}-qty`}>{t("quantity")}</Label>
          <Input
            id={`${p}-qty`}
            inputMode="numeric"
            aria-invalid={form.formState.errors.quantity ? true : undefined}
            aria-describedby={`${p}-qty-error`}
            {...form.register("quantity")}
          />
        </div>
        <Button type="submit" disabled={form.formState.isSubmitting} onClick={() => form.setValue("kind", "use")}>
          {t("recordUse")}
        </Button>
        <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting} onClick={() => form.setValue("kind", "restock")}>
          {t("restock")}
        </Button>
      </div>
      <FieldError id={`${p}-qty-error`} message={form.formState.errors.quantity?.message} />
    </ClientForm>
  );
}
