"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm, type Resolver } from "react-hook-form";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/action-result";
import { patientSchema, type PatientInput } from "@/lib/patients/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

export type PatientValues = {
  mrn: string;
  firstName: string;
  lastName: string;
  preferredName: string;
  dateOfBirth: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  primaryTherapistId: string;
};

/** Create or edit a patient's demographics. `onSubmit` gets the values (plus id/version from the page). */
export function PatientForm<E extends object>({
  defaultValues,
  therapists,
  onSubmit,
  extra,
  submitLabel,
  afterSave,
}: {
  defaultValues: PatientValues;
  therapists: { id: string; name: string }[];
  onSubmit: (input: PatientInput & E) => Promise<ActionResult<{ id?: string; version?: number }>>;
  /** sent along with the fields, e.g. the patient's id and version */
  extra: E;
  submitLabel: string;
  afterSave: "stay" | "open";
}) {
  const router = useRouter();
  const t = useTranslations("patientForm");
  const common = useTranslations("common");
  const [status, setStatus] = useFormStatus();
  const resolver = useIntlResolver(zodResolver(patientSchema, zodIntlParams) as unknown as Resolver<PatientValues>);
  const form = useForm<PatientValues>({ resolver, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit({ ...form.getValues(), ...extra });
      if (res.ok) {
        if (afterSave === "open" && res.data.id) return router.push(`/admin/patients/${res.data.id}`);
        // the action's response carries this page re-rendered (lib/after-save.ts); nothing to refresh here
        setStatus({ tone: "success", text: t("saved") });
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof PatientValues, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: t("offline") });
    }
  });
  const text = (name: "mrn" | "firstName" | "lastName" | "preferredName" | "dateOfBirth" | "preferredLanguage", label: string, type = "text") => (
    <div className="space-y-2">
      <Label htmlFor={`p-${name}`}>{label}</Label>
      <Input id={`p-${name}`} type={type} aria-invalid={errors[name] ? true : undefined} aria-describedby={`p-${name}-error`} {...form.register(name)} />
      <FieldError id={`p-${name}-error`} message={errors[name]?.message} />
    </div>
  );
  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label={t("form")}>
      <div className="grid gap-4 md:grid-cols-2">
        {text("mrn", t("mrn"))}
        {text("dateOfBirth", t("dateOfBirth"), "date")}
        {text("firstName", t("firstName"))}
        {text("lastName", t("lastName"))}
        {text("preferredName", t("preferredName"))}
        {text("preferredLanguage", t("preferredLanguage"))}
        <div className="space-y-2">
          <Label htmlFor="p-primaryTherapistId">{t("primaryTherapist")}</Label>
          <Select id="p-primaryTherapistId" aria-describedby="p-primaryTherapistId-error" {...form.register("primaryTherapistId")}>
            <option value="">{t("noneYet")}</option>
            {therapists.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </Select>
          <FieldError id="p-primaryTherapistId-error" message={errors.primaryTherapistId?.message} />
        </div>
        <label className="flex min-h-11 items-center gap-3 self-end font-semibold">
          <input type="checkbox" className="h-5 w-5" {...form.register("interpreterNeeded")} />
          {t("interpreter")}
        </label>
      </div>
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? common("saving") : submitLabel}
      </Button>
    </ClientForm>
  );
}
