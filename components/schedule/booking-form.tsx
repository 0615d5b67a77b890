"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { FieldError, FormMessage, type FormStatus } from "@/components/forms/form-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/action-result";
import { appointmentSchema, seriesSchema, type AppointmentInput, type SeriesInput } from "@/lib/schedule/schemas";
import type { StaffOption, BookingOptions, SeriesOutcome } from "./types";
import { WEEKDAYS } from "./types";

type Values = {
  patientId: string;
  therapistId: string;
  assistantId: string;
  roomId: string;
  date: string;
  startsOn: string;
  startTime: string;
  durationMinutes: string;
  weekdays: string[];
  endMode: "until" | "count";
  untilOn: string;
  occurrences: string;
};

const REASON_LABEL = { room: "Room busy", therapist: "Therapist busy", assistant: "Assistant busy", patient: "Patient busy" } as const;

function toSeries(v: Values, skipConflicts: boolean, id: string): SeriesInput {
  return {
    id,
    patientId: v.patientId,
    therapistId: v.therapistId,
    assistantId: v.assistantId,
    roomId: v.roomId,
    startsOn: v.startsOn,
    startTime: v.startTime,
    durationMinutes: v.durationMinutes,
    weekdays: v.weekdays.map(Number),
    endMode: v.endMode,
    untilOn: v.untilOn,
    occurrences: v.occurrences,
    skipConflicts,
  };
}

function toSingle(v: Values, id: string): AppointmentInput {
  return { id, patientId: v.patientId, therapistId: v.therapistId, assistantId: v.assistantId, roomId: v.roomId, date: v.date, startTime: v.startTime, durationMinutes: v.durationMinutes };
}

function StaffSelect({ id, label, options, none, error, ...rest }: { id: string; label: string; options: StaffOption[]; none: string; error?: string } & React.ComponentProps<"select">) {
  return (
    <div className="space-y-2">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} aria-invalid={error ? true : undefined} aria-describedby={`${id}-error`} {...rest}>
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </Select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** Book one appointment or a weekly series; a series' conflicts are listed date by date. */
export function BookingForm({
  options,
  today,
  todayWeekday,
  onSingle,
  onSeries,
}: {
  options: BookingOptions;
  today: string;
  todayWeekday: number;
  onSingle: (input: AppointmentInput) => Promise<ActionResult<{ id: string }>>;
  onSeries: (input: SeriesInput) => Promise<ActionResult<SeriesOutcome>>;
}) {
  const [mode, setMode] = useState<"single" | "series">("series");
  const [status, setStatus] = useState<FormStatus>(null);
  const [conflicts, setConflicts] = useState<Extract<SeriesOutcome, { status: "conflicts" }> | null>(null);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const resolver: Resolver<Values> = (values, ctx, opts) =>
    mode === "single"
      ? (zodResolver(appointmentSchema) as unknown as Resolver<Values>)({ ...values }, ctx, opts)
      : (zodResolver(seriesSchema) as unknown as Resolver<Values>)(toSeries(values, false, requestId) as unknown as Values, ctx, opts);
  const form = useForm<Values>({
    resolver,
    defaultValues: {
      patientId: "",
      therapistId: "",
      assistantId: "",
      roomId: "",
      date: today,
      startsOn: today,
      startTime: "17:00",
      durationMinutes: "45",
      weekdays: [String(todayWeekday)],
      endMode: "count",
      untilOn: "",
      occurrences: "4",
    },
  });
  const { errors, isSubmitting } = form.formState;
  const endMode = useWatch({ control: form.control, name: "endMode" });

  const send = async (skipConflicts: boolean) => {
    setStatus(null);
    const v = form.getValues();
    try {
      if (mode === "single") {
        const res = await onSingle(toSingle(v, requestId));
        if (res.ok) {
          setStatus({ tone: "success", text: "Appointment booked." });
          setRequestId(crypto.randomUUID());
        } else fail(res);
        return;
      }
      const res = await onSeries(toSeries(v, skipConflicts, requestId));
      if (!res.ok) return fail(res);
      if (res.data.status === "conflicts") {
        setConflicts(res.data);
        return;
      }
      setConflicts(null);
      const skipped = res.data.skipped.length ? ` Skipped ${res.data.skipped.length} conflicting date(s): ${res.data.skipped.join(", ")}.` : "";
      setStatus({ tone: "success", text: `Series booked: ${res.data.created} appointment(s).${skipped}` });
      setRequestId(crypto.randomUUID());
    } catch {
      setStatus({ tone: "danger", text: "Cannot reach TheraTrack. Nothing was saved; check the connection and try again." });
    }
  };
  const fail = (res: Extract<ActionResult<unknown>, { ok: false }>) => {
    for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof Values, { message: messages[0] });
    setStatus({ tone: "danger", text: res.message });
  };
  const submit = form.handleSubmit(() => send(false));
  const free = conflicts ? conflicts.total - new Set(conflicts.conflicts.map((c) => c.date)).size : 0;

  return (
    <ClientForm onSubmit={submit} className="space-y-5" aria-label="New booking">
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-2 text-base font-semibold">What to book</legend>
        {(["series", "single"] as const).map((m) => (
          <label key={m} className="flex min-h-11 items-center gap-2 rounded-lg border border-border px-4">
            <input
              type="radio"
              name="mode"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setConflicts(null);
                setStatus(null);
              }}
              className="h-5 w-5"
            />
            {m === "series" ? "Weekly series" : "One appointment"}
          </label>
        ))}
      </fieldset>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2">
          <Label htmlFor="patientId">Patient</Label>
          <Select id="patientId" aria-invalid={errors.patientId ? true : undefined} aria-describedby="patientId-error" {...form.register("patientId")}>
            <option value="">Choose a patient</option>
            {options.patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.mrn})
              </option>
            ))}
          </Select>
          <FieldError id="patientId-error" message={errors.patientId?.message} />
        </div>
        <div className="space-y-2">
          <Label htmlFor="roomId">Room</Label>
          <Select id="roomId" aria-invalid={errors.roomId ? true : undefined} aria-describedby="roomId-error" {...form.register("roomId")}>
            <option value="">Choose a room</option>
            {options.rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
          <FieldError id="roomId-error" message={errors.roomId?.message} />
        </div>
        <StaffSelect id="therapistId" label="Therapist" none="Choose a therapist" options={options.therapists} error={errors.therapistId?.message} {...form.register("therapistId")} />
        <StaffSelect id="assistantId" label="Assistant (optional)" none="No assistant" options={options.assistants} error={errors.assistantId?.message} {...form.register("assistantId")} />
      </div>
      <p className="text-muted-foreground">
        A therapist supervises one aide-assisted appointment at a time, so the schedule refuses overlapping bookings for the same therapist.
      </p>

      <div className="grid gap-4 md:grid-cols-3">
        {mode === "single" ? (
          <div className="space-y-2">
            <Label htmlFor="date">Date</Label>
            <Input id="date" type="date" aria-invalid={errors.date ? true : undefined} aria-describedby="date-error" {...form.register("date")} />
            <FieldError id="date-error" message={errors.date?.message} />
          </div>
        ) : (
          <div className="space-y-2">
            <Label htmlFor="startsOn">First date</Label>
            <Input id="startsOn" type="date" aria-invalid={errors.startsOn ? true : undefined} aria-describedby="startsOn-error" {...form.register("startsOn")} />
            <FieldError id="startsOn-error" message={errors.startsOn?.message} />
          </div>
        )}
        <div className="space-y-2">
          <Label htmlFor="startTime">Start time</Label>
          <Input id="startTime" type="time" aria-invalid={errors.startTime ? true : undefined} aria-describedby="startTime-error" {...form.register("startTime")} />
          <FieldError id="startTime-error" message={errors.startTime?.message} />
        </div>
        <div className="space-y-2">
          <Label htmlFor="durationMinutes">Length (minutes)</Label>
          <Input id="durationMinutes" inputMode="numeric" aria-invalid={errors.durationMinutes ? true : undefined} aria-describedby="duration-error" {...form.register("durationMinutes")} />
          <FieldError id="duration-error" message={errors.durationMinutes?.message} />
        </div>
      </div>

      {mode === "series" ? (
        <div className="space-y-4">
          <fieldset aria-describedby="weekdays-error">
            <legend className="mb-2 text-base font-semibold">Days of the week</legend>
            <div className="flex flex-wrap gap-2">
              {WEEKDAYS.map((d, i) => (
                <label key={d} className="flex min-h-11 min-w-16 items-center gap-2 rounded-lg border border-border px-3">
                  <input type="checkbox" value={String(i + 1)} className="h-5 w-5" {...form.register("weekdays")} />
                  {d}
                </label>
              ))}
            </div>
            <FieldError id="weekdays-error" message={errors.weekdays?.message ?? errors.weekdays?.root?.message} />
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="mb-2 text-base font-semibold">Ends</legend>
            <div className="flex flex-wrap items-start gap-4">
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" value="count" className="h-5 w-5" {...form.register("endMode")} />
                After a number of appointments
              </label>
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" value="until" className="h-5 w-5" {...form.register("endMode")} />
                On a date
              </label>
            </div>
            {endMode === "count" ? (
              <div className="max-w-xs space-y-2">
                <Label htmlFor="occurrences">Number of appointments</Label>
                <Input id="occurrences" inputMode="numeric" aria-invalid={errors.occurrences ? true : undefined} aria-describedby="occurrences-error" {...form.register("occurrences")} />
                <FieldError id="occurrences-error" message={errors.occurrences?.message} />
              </div>
            ) : (
              <div className="max-w-xs space-y-2">
                <Label htmlFor="untilOn">Last date</Label>
                <Input id="untilOn" type="date" aria-invalid={errors.untilOn ? true : undefined} aria-describedby="untilOn-error" {...form.register("untilOn")} />
                <FieldError id="untilOn-error" message={errors.untilOn?.message} />
              </div>
            )}
          </fieldset>
        </div>
      ) : null}

      <FormMessage status={status} />
      {conflicts ? (
        <Alert tone="danger" aria-label="Conflicts">
          <p className="font-semibold">
            Nothing was saved: {new Set(conflicts.conflicts.map((c) => c.date)).size} of {conflicts.total} dates clash.
          </p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {conflicts.conflicts.map((c, i) => (
              <li key={`${c.date}-${c.reason}-${i}`}>
                <span className="font-semibold">{c.date}</span> · {REASON_LABEL[c.reason]}: {c.message}
              </li>
            ))}
          </ul>
          {free > 0 ? (
            <Button type="button" variant="secondary" className="mt-3" disabled={isSubmitting} onClick={() => form.handleSubmit(() => send(true))()}>
              Book the other {free} date(s), skip the conflicting ones
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <Button type="submit" size="lg" disabled={isSubmitting}>
        {isSubmitting ? "Booking…" : mode === "series" ? "Book series" : "Book appointment"}
      </Button>
    </ClientForm>
  );
}
