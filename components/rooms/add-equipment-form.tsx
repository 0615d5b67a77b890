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
import { createEquipmentSchema, type CreateEquipmentInput } from "@/lib/rooms/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Values = { id: string; roomId: string; name: string; nextMaintenanceOn: string };

export function AddEquipmentForm({ roomId, onSubmit }: { roomId: string; onSubmit: (i: CreateEquipmentInput) => Promise<ActionResult<{ created: boolean }>> }) {
  const t = useTranslations("roomForms");
  const [status, setStatus] = useFormStatus();
  const fresh = (): Values => ({ id: crypto.randomUUID(), roomId, name: "", nextMaintenanceOn: "" });
  const resolver = useIntlResolver<Values, unknown, Values>(zodResolver(createEquipmentSchema, zodIntlParams) as never);
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
  return (
    <ClientForm onSubmit={submit} className="mt-4 space-y-3 border-t border-border pt-4" aria-label={t("addEquipment")}>
      <FormMessage status={status} />
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <Label htmlFor="new-eq-name">{t("newEquipment")}</Label>
          <Input id="new-eq-name" aria-invalid={errors.name ? true : undefined} aria-describedby="new-eq-name-error" {...form.register("name")} />
          <FieldError id="new-eq-name-error" message={errors.name?.message} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="new-eq-due">{t("nextMaintenanceOptional")}</Label>
          <Input id="new-eq-due" type="date" aria-describedby="new-eq-due-error" {...form.register("nextMaintenanceOn")} />
          <FieldError id="new-eq-due-error" message={errors.nextMaintenanceOn?.message} />
        </div>
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("addEquipment")}
      </Button>
    </ClientForm>
  );
}
