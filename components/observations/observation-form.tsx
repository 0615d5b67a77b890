"use client";

import { CloudOff, Plus, Send, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { Controller, useFieldArray, useForm, type FieldPath, type UseFormReturn } from "react-hook-form";
import { FieldError, FormMessage, type FormStatus } from "@/components/forms/form-message";
import { lazyZodResolver } from "@/components/forms/lazy-zod-resolver";
import { useIntlResolver, useTranslate } from "@/components/forms/use-intl-resolver";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ChipChecks, Segmented } from "@/components/ui/segmented";
import { Textarea } from "@/components/ui/textarea";
import { localizeText } from "@/lib/i18n/message-ref";
import type { SessionGoal, SessionTask } from "@/lib/observations/queries";
import type { ObservationContent, ObservationFormValues } from "@/lib/observations/schemas";
import { ASSIST_LEVELS, ATTITUDE_TAGS, EDUCATION_AUDIENCES, EDUCATION_METHODS, UNDERSTANDING } from "@/lib/observations/values";
import { SectionCard } from "./form-parts";

/** A value list's options, labelled in the reader's language. */
const opts = <T extends string>(o: Record<T, string>, label: (value: T) => string) => (Object.keys(o) as T[]).map((value) => ({ value, label: label(value) }));
const FORM_ID = "session-observation";

/** What submitting answered: stored (and maybe already accepted), or refused with the reason. */
export type SubmitAnswer = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

const ORDER = ["tasks", "goals", "attitude", "accomplishments", "comfortAndNeeds", "note", "education"];

/**
 * The session observation. Every change goes to `onValuesChange` (the tablet keeps it, encrypted, and
 * sends it as a draft); submitting checks the shared zod schema first. Every message (missing answers,
 * "mark attendance first", a refusal) shows beside the Submit bar, and focus moves to the first problem.
 */
export function ObservationForm({
  defaultValues,
  tasks,
  goals,
  therapistLabel,
  patientLanguage,
  onValuesChange,
  onSubmit,
  statusLine,
  blocker,
  educationExtra,
}: {
  defaultValues: ObservationFormValues;
  tasks: SessionTask[];
  goals: SessionGoal[];
  therapistLabel: string;
  patientLanguage: string;
  onValuesChange: (values: ObservationFormValues) => void;
  onSubmit: (values: ObservationFormValues) => Promise<SubmitAnswer>;
  /** where the work is (e.g. "Draft kept on this tablet at 9:41"), shown in the Submit bar */
  statusLine?: ReactNode;
  /** a reason the entry cannot be submitted yet, with the control that fixes it (its id) */
  blocker?: { message: string; focusId: string } | null;
  /** more controls in each education entry (the tablet's handout picker) */
  educationExtra?: (index: number, form: UseFormReturn<ObservationFormValues, unknown, ObservationContent>) => ReactNode;
}) {
  const [status, setStatus] = useState<FormStatus>(null);
  const t = useTranslations("tablet.observation");
  const assist = useTranslations("assistLevels");
  const locale = useLocale();
  const translate = useTranslate();
  // zod and the schema load on the first validation (submit), not with the page (P4: the tablet's first load)
  const [lazyResolver] = useState(() => lazyZodResolver<ObservationFormValues, unknown, ObservationContent>(() => import("@/lib/observations/schemas").then((m) => m.observationFormSchema)));
  const resolver = useIntlResolver<ObservationFormValues, unknown, ObservationContent>(lazyResolver);
  const form = useForm<ObservationFormValues, unknown, ObservationContent>({ resolver, defaultValues });
  const { errors, isSubmitting } = form.formState;
  const education = useFieldArray({ control: form.control, name: "education" });
  const taskInfo = new Map(tasks.map((t) => [t.delegationId, t]));
  const notLoggable = tasks.filter((t) => !t.competent);

  useEffect(() => {
    const off = form.subscribe({ formState: { values: true }, callback: ({ values }) => onValuesChange(values as ObservationFormValues) });
    return off;
  }, [form, onValuesChange]);

  const focusFirstProblem = () => {
    const el = document.querySelector<HTMLElement>(`#${FORM_ID} [aria-invalid="true"]`);
    el?.focus();
  };

  const submit = form.handleSubmit(
    async () => {
      setStatus(null);
      if (blocker) {
        setStatus({ tone: "danger", text: blocker.message });
        document.getElementById(blocker.focusId)?.focus();
        return;
      }
      const res = await onSubmit(form.getValues());
      if (res.ok) return;
      const paths = Object.keys(res.fieldErrors ?? {}).sort((a, b) => ORDER.indexOf(a.split(".")[0]!) - ORDER.indexOf(b.split(".")[0]!));
      for (const path of paths) form.setError(path as FieldPath<ObservationFormValues>, { message: localizeText(translate, res.fieldErrors![path]![0]!) });
      setStatus({ tone: "danger", text: localizeText(translate, res.message) });
      if (paths[0]) form.setFocus(paths[0] as FieldPath<ObservationFormValues>);
    },
    () => {
      setStatus({ tone: "danger", text: t("missing") });
      requestAnimationFrame(focusFirstProblem);
    },
  );

  return (
    <ClientForm id={FORM_ID} onSubmit={submit} aria-label={t("formLabel")} className="space-y-6 pb-4">

      <SectionCard title={t("tasks")} id="tasks">
        {defaultValues.tasks.length === 0 ? <p className="text-muted-foreground">{t("noTasks")}</p> : null}
        {defaultValues.tasks.map((task, i) => {
          const info = taskInfo.get(task.delegationId);
          const err = errors.tasks?.[i];
          return (
            <div key={task.delegationId} className="space-y-3 rounded-lg border border-border p-4">
              <p className="text-muted-foreground">
                {info?.instructions} <span className="whitespace-nowrap">({info?.frequency})</span>
              </p>
              <Controller
                control={form.control}
                name={`tasks.${i}.done`}
                render={({ field }) => (
                  <Segmented
                    legend={info?.label ?? t("task")}
                    legendClassName="text-lg"
                    columns={2}
                    options={[
                      { value: "done", label: t("done") },
                      { value: "not_done", label: t("notDone") },
                    ]}
                    value={field.value === null ? null : field.value ? "done" : "not_done"}
                    onChange={(v) => field.onChange(v === "done")}
                    invalid={!!err?.done}
                    describedBy={`task-${i}-error`}
                  />
                )}
              />
              <FieldError id={`task-${i}-error`} message={err?.done?.message} />
              <div className="space-y-1">
                <Label htmlFor={`task-${i}-note`}>{info ? t("noteOn", { task: info.label.toLocaleLowerCase(locale) }) : t("noteOnThisTask")}</Label>
                <Textarea id={`task-${i}-note`} rows={2} aria-invalid={err?.note ? true : undefined} aria-describedby={`task-${i}-note-error`} {...form.register(`tasks.${i}.note`)} />
                <FieldError id={`task-${i}-note-error`} message={err?.note?.message} />
              </div>
            </div>
          );
        })}
        {notLoggable.length ? (
          <Alert tone="warning">
            {t("notLoggable", { tasks: notLoggable.map((x) => x.label).join(", ") })}
          </Alert>
        ) : null}
      </SectionCard>

      {goals.length ? (
        <SectionCard title={t("goals")} id="goals">
          {goals.map((g, i) => {
            const err = errors.goals?.[i];
            return (
              <fieldset key={g.goalId} className="min-w-0 space-y-3 rounded-lg border border-border p-4">
                <legend className="px-1 text-lg font-semibold">{g.description}</legend>
                <p className="text-muted-foreground">
                  {t("baselineTarget", { baseline: g.baseline ?? "–", target: g.target ?? "–", unit: g.unit })}
                </p>
                <div className="max-w-xs space-y-1">
                  <Label htmlFor={`goal-${i}-value`}>{t("measured", { unit: g.unit })}</Label>
                  <Input id={`goal-${i}-value`} inputMode="decimal" aria-invalid={err?.value ? true : undefined} aria-describedby={`goal-${i}-value-error`} {...form.register(`goals.${i}.value`)} />
                  <FieldError id={`goal-${i}-value-error`} message={err?.value?.message} />
                </div>
                <Controller
                  control={form.control}
                  name={`goals.${i}.assistLevel`}
                  render={({ field }) => (
                    <Segmented legend={t("assistLevel")} columns={6} options={opts(ASSIST_LEVELS, (v) => assist(v))} value={field.value || null} onChange={field.onChange} invalid={!!err?.assistLevel} describedBy={`goal-${i}-assist-error`} />
                  )}
                />
                <FieldError id={`goal-${i}-assist-error`} message={err?.assistLevel?.message} />
              </fieldset>
            );
          })}
        </SectionCard>
      ) : null}

      <SectionCard title={t("attitude")} id="attitude">
        <Controller
          control={form.control}
          name="attitude"
          render={({ field }) => (
            <Segmented
              legend={t("attitudeToday")}
              columns={5}
              options={([1, 2, 3, 4, 5] as const).map((n) => ({
                value: n,
                label: (
                  <span className="flex flex-col leading-tight">
                    <span className="text-2xl">{n}</span>
                    <span className="text-sm">{t(`attitudeScale.${n}`)}</span>
                  </span>
                ),
              }))}
              value={field.value}
              onChange={field.onChange}
              invalid={!!errors.attitude}
              describedBy="attitude-error"
            />
          )}
        />
        <FieldError id="attitude-error" message={errors.attitude?.message} />
        <Controller
          control={form.control}
          name="attitudeTags"
          render={({ field }) => <ChipChecks legend={t("howTheySeemed")} options={opts(ATTITUDE_TAGS, (v) => t(`attitudeTags.${v}`))} value={field.value} onChange={field.onChange} />}
        />
      </SectionCard>

      <SectionCard title={t("notesTitle")} id="notes">
        {(
          [
            ["accomplishments", t("accomplishments")],
            ["comfortAndNeeds", t("comfortAndNeeds")],
            ["note", t("note")],
          ] as const
        ).map(([name, label]) => (
          <div key={name} className="space-y-1">
            <Label htmlFor={`obs-${name}`}>{label}</Label>
            <Textarea id={`obs-${name}`} rows={3} aria-invalid={errors[name] ? true : undefined} aria-describedby={`obs-${name}-error`} {...form.register(name)} />
            <FieldError id={`obs-${name}-error`} message={errors[name]?.message} />
          </div>
        ))}
      </SectionCard>

      <SectionCard title={t("education")} id="education">
        {education.fields.length === 0 ? <p className="text-muted-foreground">{t("noneRecorded")}</p> : null}
        {education.fields.map((f, i) => {
          const err = errors.education?.[i];
          const n = i + 1;
          return (
            <fieldset key={f.id} className="min-w-0 space-y-4 rounded-lg border border-border p-4">
              <legend className="px-1 text-lg font-semibold">{t("educationN", { n })}</legend>
              <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
                <div className="space-y-1">
                  <Label htmlFor={`edu-${i}-topic`}>{t("topic")}</Label>
                  <Input id={`edu-${i}-topic`} aria-invalid={err?.topic ? true : undefined} aria-describedby={`edu-${i}-topic-error`} {...form.register(`education.${i}.topic`)} />
                  <FieldError id={`edu-${i}-topic-error`} message={err?.topic?.message} />
                </div>
                <div className="space-y-1">
                  <Label htmlFor={`edu-${i}-language`}>{t("language")}</Label>
                  <Input id={`edu-${i}-language`} aria-invalid={err?.language ? true : undefined} aria-describedby={`edu-${i}-language-error`} {...form.register(`education.${i}.language`)} />
                  <FieldError id={`edu-${i}-language-error`} message={err?.language?.message} />
                </div>
              </div>
              {(
                [
                  ["audience", t("audience"), opts(EDUCATION_AUDIENCES, (v) => t(`audiences.${v}`)), 3],
                  ["method", t("method"), opts(EDUCATION_METHODS, (v) => t(`methods.${v}`)), 4],
                  ["understanding", t("understanding"), opts(UNDERSTANDING, (v) => t(`understandingLevels.${v}`)), 3],
                ] as const
              ).map(([name, legend, options, columns]) => (
                <div key={name}>
                  <Controller
                    control={form.control}
                    name={`education.${i}.${name}`}
                    render={({ field }) => (
                      <Segmented legend={legend} columns={columns} options={options as { value: string; label: string }[]} value={field.value || null} onChange={field.onChange} invalid={!!err?.[name]} describedBy={`edu-${i}-${name}-error`} />
                    )}
                  />
                  <FieldError id={`edu-${i}-${name}-error`} message={err?.[name]?.message} />
                </div>
              ))}
              {educationExtra?.(i, form)}
              <Button type="button" variant="ghost" onClick={() => education.remove(i)}>
                <Trash2 aria-hidden className="h-5 w-5" />
                {t("removeEducation", { n })}
              </Button>
            </fieldset>
          );
        })}
        <Button
          type="button"
          variant="secondary"
          onClick={() => education.append({ topic: "", audience: "patient", method: "verbal", understanding: "" as never, language: patientLanguage })}
        >
          <Plus aria-hidden className="h-5 w-5" />
          {t("addEducation")}
        </Button>
      </SectionCard>

      <div className="sticky bottom-0 z-10 -mx-4 space-y-2 border-t border-border bg-surface/95 px-4 py-3 backdrop-blur">
        <FormMessage status={status} />
        <div className="flex flex-wrap items-center gap-3">
        <p role="status" data-testid="draft-status" className="text-muted-foreground">
          {statusLine}
        </p>
        <Button type="submit" size="lg" disabled={isSubmitting} className="ml-auto">
          {typeof navigator !== "undefined" && !navigator.onLine ? <CloudOff aria-hidden className="h-5 w-5" /> : <Send aria-hidden className="h-5 w-5" />}
          {isSubmitting ? t("submitting") : t("submitTo", { therapist: therapistLabel })}
        </Button>
        </div>
      </div>
    </ClientForm>
  );
}
