"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/action-result";
import { appointmentSchema, seriesSchema, type AppointmentInput, type SeriesInput } from "@/lib/schedule/schemas";
import { formatDay, formatWeekday } from "@/lib/time";
import type { StaffOption, BookingOptions, SeriesOutcome } from "./types";
import { useFormStatus } from "@/components/forms/use-form-status";

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
  const t = useTranslations("scheduleForms");
  const errorsT = useTranslations("errors");
  const locale = useLocale();
  const [mode, setMode] = useState<"single" | "series">("series");
  const [status, setStatus] = useFormStatus();
  const [conflicts, setConflicts] = useState<Extract<SeriesOutcome, { status: "conflicts" }> | null>(null);
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const resolver = useIntlResolver<Values, unknown, Values>((values, ctx, opts) =>
    mode === "single"
      ? (zodResolver(appointmentSchema, zodIntlParams) as unknown as Resolver<Values>)({ ...values }, ctx, opts)
      : (zodResolver(seriesSchema, zodIntlParams) as unknown as Resolver<Values>)(toSeries(values, false, requestId) as unknown as Values, ctx, opts),
  );
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
          setStatus({ tone: "success", text: t("booked") });
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
      const skipped = res.data.skipped.length
        ? ` ${t("skipped", { count: res.data.skipped.length, dates: res.data.skipped.map((d) => formatDay(d, locale)).join("; ") })}`
        : "";
      setStatus({ tone: "success", text: `${t("seriesBooked", { count: res.data.created })}${skipped}` });
      setRequestId(crypto.randomUUID());
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    }
  };
  const fail = (res: Extract<ActionResult<unknown>, { ok: false }>) => {
    setConflicts(null);
    for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof Values, { message: messages[0] });
    setStatus({ tone: "danger", text: res.message });
  };
  const submit = form.handleSubmit(() => send(false));
  const free = conflicts ? conflicts.total - new Set(conflicts.conflicts.map((c) => c.date)).size : 0;

  return (
    <ClientForm onSubmit={submit} className="space-y-5" aria-label={t("newBooking")}>
      <fieldset className="flex flex-wrap gap-3">
        <legend className="mb-2 text-base font-semibold">{t("whatToBook")}</legend>
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
            {m === "series" ? t("weeklySeries") : t("oneAppointment")}
          </label>
        ))}
      </fieldset>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2">
          <Label htmlFor="patientId">{t("patient")}</Label>
          <Select id="patientId" aria-invalid={errors.patientId ? true : undefined} aria-describedby="patientId-error" {...form.register("patientId")}>
            <option value="">{t("choosePatient")}</option>
            {options.patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.mrn})
              </option>
            ))}
          </Select>
          <FieldError id="patientId-error" message={errors.patientId?.message} />
        </div>
        <div className="space-y-2">
          <Label htmlFor="roomId">{t("room")}</Label>
          <Select id="roomId" aria-invalid={errors.roomId ? true : undefined} aria-describedby="roomId-error" {...form.register("roomId")}>
            <option value="">{t("chooseRoom")}</option>
            {options.rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </Select>
          <FieldError id="roomId-error" message={errors.roomId?.message} />
        </div>
        <StaffSelect id="therapistId" label={t("therapist")} none={t("chooseTherapist")} options={options.therapists} error={errors.therapistId?.message} {...form.register("therapistId")} />
        <StaffSelect id="assistantId" label={t("assistantOptional")} none={t("noAssistant")} options={options.assistants} error={errors.assistantId?.message} {...form.register("assistantId")} />
      </div>
      <p className="text-muted-foreground">{t("supervisionNote")}</p>

      <div className="grid gap-4 md:grid-cols-3">
        {mode === "single" ? (
          <div className="space-y-2">
            <Label htmlFor="date">{t("date")}</Label>
            <Input id="date" type="date" aria-invalid={errors.date ? true : undefined} aria-describedby="date-error" {...form.register("date")} />
            <FieldError id="date-error" message={errors.date?.message} />
          </div>
        ) : (
          <div className="space-y-2">
            <Label htmlFor="startsOn">{t("firstDate")}</Label>
            <Input id="startsOn" type="date" aria-invalid={errors.startsOn ? true : undefined} aria-describedby="startsOn-error" {...form.register("startsOn")} />
            <FieldError id="startsOn-error" message={errors.startsOn?.message} />
          </div>
        )}
        <div className="space-y-2">
          <Label htmlFor="startTime">{t("startTime")}</Label>
          <Input id="startTime" type="time" aria-invalid={errors.startTime ? true : undefined} aria-describedby="startTime-error" {...form.register("startTime")} />
          <FieldError id="startTime-error" message={errors.startTime?.message} />
        </div>
        <div className="space-y-2">
          <Label htmlFor="durationMinutes">{t("length")}</Label>
          <Input id="durationMinutes" inputMode="numeric" aria-invalid={errors.durationMinutes ? true : undefined} aria-describedby="duration-error" {...form.register("durationMinutes")} />
          <FieldError id="duration-error" message={errors.durationMinutes?.message} />
        </div>
      </div>

      {mode === "series" ? (
        <div className="space-y-4">
          <fieldset aria-describedby="weekdays-error">
            <legend className="mb-2 text-base font-semibold">{t("weekdays")}</legend>
            <div className="flex flex-wrap gap-2">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <label key={d} className="flex min-h-11 min-w-16 items-center gap-2 rounded-lg border border-border px-3">
                  <input type="checkbox" value={String(d)} className="h-5 w-5" {...form.register("weekdays")} />
                  {formatWeekday(d, locale)}
                </label>
              ))}
            </div>
            <FieldError id="weekdays-error" message={errors.weekdays?.message ?? errors.weekdays?.root?.message} />
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="mb-2 text-base font-semibold">{t("ends")}</legend>
            <div className="flex flex-wrap items-start gap-4">
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" value="count" className="h-5 w-5" {...form.register("endMode")} />
                {t("afterCount")}
              </label>
              <label className="flex min-h-11 items-center gap-2">
                <input type="radio" value="until" className="h-5 w-5" {...form.register("endMode")} />
                {t("onDate")}
              </label>
            </div>
            {endMode === "count" ? (
              <div className="max-w-xs space-y-2">
                <Label htmlFor="occurrences">{t("occurrences")}</Label>
                <Input id="occurrences" inputMode="numeric" aria-invalid={errors.occurrences ? true : undefined} aria-describedby="occurrences-error" {...form.register("occurrences")} />
                <FieldError id="occurrences-error" message={errors.occurrences?.message} />
              </div>
            ) : (
              <div className="max-w-xs space-y-2">
                <Label htmlFor="untilOn">{t("lastDate")}</Label>
                <Input id="untilOn" type="date" aria-invalid={errors.untilOn ? true : undefined} aria-describedby="untilOn-error" {...form.register("untilOn")} />
                <FieldError id="untilOn-error" message={errors.untilOn?.message} />
              </div>
            )}
          </fieldset>
        </div>
      ) : null}

      <FormMessage status={status} />
      {conflicts ? (
        <Alert tone="danger" aria-label={t("conflicts")}>
          <p className="font-semibold">{t("clash", { clashing: new Set(conflicts.conflicts.map((c) => c.date)).size, total: conflicts.total })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {conflicts.conflicts.map((c, i) => (
              <li key={`${c.date}-${c.reason}-${i}`}>
                <span className="font-semibold">{formatDay(c.date, locale)}</span> · {t(`reason.${c.reason}`)}: {c.message}
              </li>
            ))}
          </ul>
          {free > 0 ? (
            <Button type="button" variant="secondary" className="mt-3" disabled={isSubmitting} onClick={() => form.handleSubmit(() => send(true))()}>
              {t("bookOthers", { count: free })}
            </Button>
          ) : null}
        </Alert>
      ) : null}
      <Button type="submit" size="lg" disabled={isSubmitting}>
        {isSubmitting ? t("booking") : mode === "series" ? t("bookSeries") : t("bookAppointment")}
      </Button>
    </ClientForm>
  );
}
