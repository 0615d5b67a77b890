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
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/action-result";
import { updateAppointmentSchema, type UpdateAppointmentInput } from "@/lib/schedule/schemas";
import type { BookingOptions } from "./types";
import { useFormStatus } from "@/components/forms/use-form-status";

type Values = {
  appointmentId: string;
  version: string;
  scope: "one" | "following";
  therapistId: string;
  assistantId: string;
  roomId: string;
  date: string;
  startTime: string;
  durationMinutes: string;
};

/** Edit or move an appointment; for a series, this one or this and the following ones. */
export function AppointmentEditForm({
  defaultValues,
  inSeries,
  options,
  onSubmit,
}: {
  defaultValues: Values;
  inSeries: boolean;
  options: Omit<BookingOptions, "patients">;
  onSubmit: (input: UpdateAppointmentInput) => Promise<ActionResult<{ updated: number; version: number }>>;
}) {
  const t = useTranslations("scheduleForms");
  const common = useTranslations("common");
  const errorsT = useTranslations("errors");
  const [status, setStatus] = useFormStatus();
  const resolver = useIntlResolver(zodResolver(updateAppointmentSchema, zodIntlParams) as unknown as Resolver<Values>);
  const form = useForm<Values>({ resolver, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit(form.getValues());
      if (res.ok) {
        form.setValue("version", String(res.data.version));
        setStatus({ tone: "success", text: t("saved", { count: res.data.updated }) });
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof Values, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    }
  });
  const sel = (id: "therapistId" | "assistantId" | "roomId", label: string, list: { id: string; name: string }[], none?: string) => (
    <div className="space-y-2">
      <Label htmlFor={`edit-${id}`}>{label}</Label>
      <Select id={`edit-${id}`} aria-invalid={errors[id] ? true : undefined} aria-describedby={`edit-${id}-error`} {...form.register(id)}>
        {none !== undefined ? <option value="">{none}</option> : null}
        {list.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <FieldError id={`edit-${id}-error`} message={errors[id]?.message} />
    </div>
  );
  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label={t("editForm")}>
      <div className="grid gap-4 md:grid-cols-3">
        <div className="space-y-2">
          <Label htmlFor="edit-date">{t("date")}</Label>
          <Input id="edit-date" type="date" aria-describedby="edit-date-error" {...form.register("date")} />
          <FieldError id="edit-date-error" message={errors.date?.message} />
        </div>
        <div className="space-y-2">
          <Label htmlFor="edit-startTime">{t("startTime")}</Label>
          <Input id="edit-startTime" type="time" aria-describedby="edit-startTime-error" {...form.register("startTime")} />
          <FieldError id="edit-startTime-error" message={errors.startTime?.message} />
        </div>
        <div className="space-y-2">
          <Label htmlFor="edit-duration">{t("length")}</Label>
          <Input id="edit-duration" inputMode="numeric" aria-describedby="edit-duration-error" {...form.register("durationMinutes")} />
          <FieldError id="edit-duration-error" message={errors.durationMinutes?.message} />
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {sel("roomId", t("room"), options.rooms)}
        {sel("therapistId", t("therapist"), options.therapists)}
        {sel("assistantId", t("assistant"), options.assistants, t("noAssistant"))}
      </div>
      {inSeries ? (
        <fieldset>
          <legend className="mb-2 font-semibold">{t("applyTo")}</legend>
          <div className="flex flex-wrap gap-4">
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" value="one" className="h-5 w-5" {...form.register("scope")} /> {t("thisOnly")}
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" value="following" className="h-5 w-5" {...form.register("scope")} /> {t("thisAndFollowingKeepDate")}
            </label>
          </div>
        </fieldset>
      ) : null}
      <input type="hidden" {...form.register("appointmentId")} />
      <input type="hidden" {...form.register("version")} />
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? common("saving") : t("saveChanges")}
      </Button>
    </ClientForm>
  );
}
