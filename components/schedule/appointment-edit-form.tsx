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
import { updateAppointmentSchema, type UpdateAppointmentInput } from "@/lib/schedule/schemas";
import type { BookingOptions } from "./types";

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
  const router = useRouter();
  const [status, setStatus] = useState<FormStatus>(null);
  const form = useForm<Values>({ resolver: zodResolver(updateAppointmentSchema) as unknown as Resolver<Values>, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit(form.getValues());
      if (res.ok) {
        form.setValue("version", String(res.data.version));
        setStatus({ tone: "success", text: `Saved (${res.data.updated} appointment${res.data.updated === 1 ? "" : "s"}).` });
        router.refresh();
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof Values, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: "Cannot reach TheraTrack. Nothing was saved; check the connection and try again." });
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
    <ClientForm onSubmit={submit} className="space-y-4" aria-label="Edit or move appointment">
      <div className="grid gap-4 md:grid-cols-3">
        <div className="space-y-2">
          <Label htmlFor="edit-date">Date</Label>
          <Input id="edit-date" type="date" aria-describedby="edit-date-error" {...form.register("date")} />
          <FieldError id="edit-date-error" message={errors.date?.message} />
        </div>
        <div className="space-y-2">
          <Label htmlFor="edit-startTime">Start time</Label>
          <Input id="edit-startTime" type="time" aria-describedby="edit-startTime-error" {...form.register("startTime")} />
          <FieldError id="edit-startTime-error" message={errors.startTime?.message} />
        </div>
        <div className="space-y-2">
          <Label htmlFor="edit-duration">Length (minutes)</Label>
          <Input id="edit-duration" inputMode="numeric" aria-describedby="edit-duration-error" {...form.register("durationMinutes")} />
          <FieldError id="edit-duration-error" message={errors.durationMinutes?.message} />
        </div>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        {sel("roomId", "Room", options.rooms)}
        {sel("therapistId", "Therapist", options.therapists)}
        {sel("assistantId", "Assistant", options.assistants, "No assistant")}
      </div>
      {inSeries ? (
        <fieldset>
          <legend className="mb-2 font-semibold">Apply to</legend>
          <div className="flex flex-wrap gap-4">
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" value="one" className="h-5 w-5" {...form.register("scope")} /> This appointment only
            </label>
            <label className="flex min-h-11 items-center gap-2">
              <input type="radio" value="following" className="h-5 w-5" {...form.register("scope")} /> This and the following ones (each keeps its date)
            </label>
          </div>
        </fieldset>
      ) : null}
      <input type="hidden" {...form.register("appointmentId")} />
      <input type="hidden" {...form.register("version")} />
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Save changes"}
      </Button>
    </ClientForm>
  );
}
