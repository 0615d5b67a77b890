"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/action-result";
import { clinicSettingsSchema } from "@/lib/clinics/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Values = { timeZone: string; signoffDeadlineHours: string; idleTimeoutMinutes: string; pinEnrolmentDays: string; version: string };

export function ClinicSettingsForm({
  defaultValues,
  onSubmit,
}: {
  defaultValues: Values;
  onSubmit: (input: Values) => Promise<ActionResult<{ version: number }>>;
}) {
  const t = useTranslations("settings");
  const errorsT = useTranslations("errors");
  const [status, setStatus] = useFormStatus();
  const resolver = useIntlResolver<Values, unknown, z.output<typeof clinicSettingsSchema>>(zodResolver(clinicSettingsSchema, zodIntlParams) as never);
  const form = useForm<Values, unknown, z.output<typeof clinicSettingsSchema>>({
    resolver,
    defaultValues,
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit(form.getValues());
      if (res.ok) {
        form.setValue("version", String(res.data.version));
        setStatus({ tone: "success", text: t("saved") });
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) {
          if (field in defaultValues) form.setError(field as keyof Values, { message: messages[0] });
        }
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    }
  });

  return (
    <ClientForm onSubmit={submit} className="space-y-5" aria-label={t("title")}>
      <FormMessage status={status} />
      <div className="space-y-2">
        <Label htmlFor="timeZone">{t("timeZone")}</Label>
        <Input id="timeZone" aria-describedby="timeZone-hint timeZone-error" aria-invalid={errors.timeZone ? true : undefined} {...form.register("timeZone")} />
        <p id="timeZone-hint" className="text-muted-foreground">
          {t("timeZoneHint")}
        </p>
        <FieldError id="timeZone-error" message={errors.timeZone?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="signoffDeadlineHours">{t("deadline")}</Label>
        <Input
          id="signoffDeadlineHours"
          inputMode="numeric"
          aria-describedby="signoff-hint signoff-error"
          aria-invalid={errors.signoffDeadlineHours ? true : undefined}
          {...form.register("signoffDeadlineHours")}
        />
        <p id="signoff-hint" className="text-muted-foreground">
          {t("deadlineHint")}
        </p>
        <FieldError id="signoff-error" message={errors.signoffDeadlineHours?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="idleTimeoutMinutes">{t("idle")}</Label>
        <Input
          id="idleTimeoutMinutes"
          inputMode="numeric"
          aria-describedby="idle-error"
          aria-invalid={errors.idleTimeoutMinutes ? true : undefined}
          {...form.register("idleTimeoutMinutes")}
        />
        <FieldError id="idle-error" message={errors.idleTimeoutMinutes?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="pinEnrolmentDays">{t("pinDays")}</Label>
        <Input
          id="pinEnrolmentDays"
          inputMode="numeric"
          aria-describedby="pin-days-hint pin-days-error"
          aria-invalid={errors.pinEnrolmentDays ? true : undefined}
          {...form.register("pinEnrolmentDays")}
        />
        <p id="pin-days-hint" className="text-muted-foreground">
          {t("pinDaysHint")}
        </p>
        <FieldError id="pin-days-error" message={errors.pinEnrolmentDays?.message} />
      </div>
      <input type="hidden" {...form.register("version")} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("saving") : t("save")}
      </Button>
    </ClientForm>
  );
}
