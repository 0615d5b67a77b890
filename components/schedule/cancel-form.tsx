"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, type Resolver } from "react-hook-form";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/action-result";
import { cancelAppointmentSchema, type CancelAppointmentInput } from "@/lib/schedule/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Values = { appointmentId: string; version: string; scope: "one" | "following"; reason: string };

export function CancelForm({
  defaultValues,
  inSeries,
  onSubmit,
}: {
  defaultValues: Omit<Values, "reason" | "scope">;
  inSeries: boolean;
  onSubmit: (input: CancelAppointmentInput) => Promise<ActionResult<{ cancelled: number }>>;
}) {
  const t = useTranslations("scheduleForms");
  const errorsT = useTranslations("errors");
  const [status, setStatus] = useFormStatus();
  const resolver = useIntlResolver(zodResolver(cancelAppointmentSchema, zodIntlParams) as unknown as Resolver<Values>);
  const form = useForm<Values>({ resolver, defaultValues: { ...defaultValues, scope: "one", reason: "" } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit(form.getValues());
      if (res.ok) {
        setStatus({ tone: "success", text: t("cancelled", { count: res.data.cancelled }) });
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof Values, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    }
  });
  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label={t("cancelForm")}>
      <div className="space-y-2">
        <Label htmlFor="cancel-reason">{t("reasonLabel")}</Label>
        <Input id="cancel-reason" aria-invalid={errors.reason ? true : undefined} aria-describedby="cancel-reason-error" {...form.register("reason")} />
        <FieldError id="cancel-reason-error" message={errors.reason?.message} />
      </div>
      {inSeries ? (
        <fieldset>
          <legend className="mb-2 font-semibold">{t("cancelLegend")}</legend>
          <div className="flex flex-wrap gap-4">
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" value="one" className="h-5 w-5" {...form.register("scope")} /> {t("thisOnly")}
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" value="following" className="h-5 w-5" {...form.register("scope")} /> {t("thisAndFollowing")}
            </label>
          </div>
        </fieldset>
      ) : null}
      <input type="hidden" {...form.register("appointmentId")} />
      <input type="hidden" {...form.register("version")} />
      <FormMessage status={status} />
      <Button type="submit" variant="danger" disabled={isSubmitting}>
        {isSubmitting ? t("cancelling") : t("cancelForm")}
      </Button>
    </ClientForm>
  );
}
