"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { FieldError, FormMessage, type FormStatus } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/action-result";
import { patientSchema, type PatientInput } from "@/lib/patients/schemas";

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
  const [status, setStatus] = useState<FormStatus>(null);
  const form = useForm<PatientValues>({ resolver: zodResolver(patientSchema) as unknown as Resolver<PatientValues>, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit({ ...form.getValues(), ...extra });
      if (res.ok) {
        if (afterSave === "open" && res.data.id) return router.push(`/admin/patients/${res.data.id}`);
        setStatus({ tone: "success", text: "Patient saved." });
        router.refresh();
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof PatientValues, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: "Cannot reach TheraTrack. Nothing was saved; check the connection and try again." });
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
    <ClientForm onSubmit={submit} className="space-y-4" aria-label="Patient details">
      <div className="grid gap-4 md:grid-cols-2">
        {text("mrn", "Medical record number (MRN)")}
        {text("dateOfBirth", "Date of birth", "date")}
        {text("firstName", "First name")}
        {text("lastName", "Last name")}
        {text("preferredName", "Preferred name (optional)")}
        {text("preferredLanguage", "Preferred language")}
        <div className="space-y-2">
          <Label htmlFor="p-primaryTherapistId">Primary therapist</Label>
          <Select id="p-primaryTherapistId" aria-describedby="p-primaryTherapistId-error" {...form.register("primaryTherapistId")}>
            <option value="">None yet</option>
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
          Interpreter needed
        </label>
      </div>
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : submitLabel}
      </Button>
    </ClientForm>
  );
}
