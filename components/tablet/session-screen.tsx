"use client";

import { ArrowLeft } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { lazy, Suspense } from "react";
import { ObservationForm, type SubmitAnswer } from "@/components/observations/observation-form";
import { PrecautionBadges } from "@/components/patients/precaution-badges";
import { Alert } from "@/components/ui/alert";
import type { TabletView, ViewObservation } from "@/lib/offline/view";
import type { SessionGoal, SessionTask } from "@/lib/observations/queries";
import type { ObservationFormValues } from "@/lib/observations/schemas";
import { formatClinicDate, formatClinicDateTime, formatClinicTime, formatClinicTimeRange } from "@/lib/time";
import { AttendanceButtons } from "./attendance-buttons";
import { TabletHandouts } from "./handout-viewer";
import { useOffline } from "./offline-provider";
import { TabletRaiseConcern, TabletVerbalReport } from "./report-adapters";
import { TabletLink } from "./tablet-link";
import { useOutboxDraft } from "./use-outbox-draft";

// shown in an "education given" row (none until the aide adds one): loaded then, precached for offline
// what was submitted, shown once there is an entry (a new session shows the form instead)
const ObservationSummary = lazy(() => import("@/components/observations/observation-summary").then((m) => ({ default: m.ObservationSummary })));
const HandoutPicker = lazy(() => import("./handout-picker").then((m) => ({ default: m.HandoutPicker })));

/** What the form needs for this patient, from the working set (the server scoped it to this aide). */
function sessionParts(view: TabletView, patientId: string, saved: { values: ObservationFormValues } | undefined, taskLabel: (taskType: string, fallback: string) => string) {
  const delegations = view.delegations.filter((d) => d.patientId === patientId);
  const tasks: SessionTask[] = delegations.map((d) => ({ delegationId: d.id, label: taskLabel(d.taskType, d.taskLabel), instructions: d.instructions, frequency: d.frequency, competent: d.competent }));
  const goals: SessionGoal[] = [];
  for (const d of delegations) {
    const g = d.goalId && d.competent ? view.goals.find((x) => x.id === d.goalId) : undefined;
    if (g && !goals.some((x) => x.goalId === g.id)) goals.push({ goalId: g.id, description: g.description, unit: g.unit, baseline: g.baseline, target: g.target });
  }
  const v = saved?.values;
  const values: ObservationFormValues = {
    tasks: tasks.filter((t) => t.competent).map((t) => v?.tasks.find((x) => x.delegationId === t.delegationId) ?? { delegationId: t.delegationId, done: null, note: "" }),
    goals: goals.map((g) => v?.goals.find((x) => x.goalId === g.goalId) ?? { goalId: g.goalId, value: "", assistLevel: "" }),
    attitude: v?.attitude ?? null,
    attitudeTags: v?.attitudeTags ?? [],
    accomplishments: v?.accomplishments ?? "",
    comfortAndNeeds: v?.comfortAndNeeds ?? "",
    note: v?.note ?? "",
    education: v?.education ?? [],
  };
  return { tasks, goals, values };
}

export function SessionScreen({ appointmentId }: { appointmentId: string }) {
  const { view } = useOffline();
  const t = useTranslations("tablet.session");
  const today = useTranslations("tablet.today");
  const taskTypes = useTranslations("taskTypes");
  const locale = useLocale();
  if (!view) return null;
  const a = view.appointments.find((x) => x.id === appointmentId);
  if (!a) return <Alert tone="warning">{t("notFound")}</Alert>;
  // the task's name in the tablet's language (the working set's label is the server's English)
  const taskLabel = (type: string, fallback: string) => (taskTypes.has(type as never) ? taskTypes(type as never) : fallback);
  const tz = view.clinic.timeZone;
  const patient = view.patients.find((p) => p.id === a.patientId);
  const name = patient?.displayName ?? "";
  const obs = view.observations.find((o) => o.appointmentId === a.id);
  const noEntry = a.status === "cancelled" || a.attendance === "cancelled" || a.attendance === "no_show";
  const readOnly = obs?.status === "submitted" || obs?.status === "signed";
  // a refused entry comes back into the form with everything she typed, to change and submit again
  const refused = view.attention.find((e) => (e.mutation.kind === "observation.submit" || e.mutation.kind === "observation.save_draft") && e.mutation.payload.appointmentId === a.id);
  const refusedValues = refused && (refused.mutation.kind === "observation.submit" || refused.mutation.kind === "observation.save_draft") ? stripEnvelope(refused.mutation.payload) : undefined;
  const parts = sessionParts(view, a.patientId, refusedValues ? { values: refusedValues } : obs, taskLabel);
  return (
    <div className="space-y-6">
      <TabletLink href="/today" className="inline-flex min-h-11 items-center gap-2 font-semibold text-primary">
        <ArrowLeft aria-hidden className="h-5 w-5" />
        {t("back")}
      </TabletLink>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold break-words">{t("title", { name })}</h1>
        <p className="text-lg text-muted-foreground">
          {formatClinicDate(new Date(a.startsAt), tz, locale)}, {formatClinicTimeRange(new Date(a.startsAt), new Date(a.endsAt), tz, locale)} · {a.roomName} · {a.therapistLabel}
        </p>
        {patient ? <PrecautionBadges precautions={patient.precautions} interpreterNeeded={patient.interpreterNeeded} language={patient.preferredLanguage} /> : null}
      </div>
      {a.status !== "cancelled" ? <AttendanceButtons appt={a} patientName={name} disabled={readOnly} firstId={`attendance-${a.id}`} /> : null}
      {a.status !== "cancelled" ? <TabletRaiseConcern patientId={a.patientId} appointmentId={a.id} therapistName={a.therapistLabel} /> : null}
      <TabletVerbalReport appointmentId={a.id} />
      <TabletHandouts patientId={a.patientId} patientLanguage={patient?.preferredLanguage ?? ""} />
      {obs?.status === "returned" ? (
        <Alert tone="warning">
          <span className="font-semibold">{t("returnedBy", { therapist: a.therapistLabel })}</span> {obs.returnComment || today("noComment")}
        </Alert>
      ) : null}
      {readOnly ? (
        <>
          <Alert tone={obs?.status === "signed" ? "success" : "info"}>
            {obs?.status === "signed"
              ? t("signed", { therapist: a.therapistLabel })
              : obs?.pending === "waiting"
                ? t("submittedWaiting", { therapist: a.therapistLabel })
                : obs?.submittedAt
                  ? t("awaitingSince", { therapist: a.therapistLabel, at: formatClinicDateTime(new Date(obs.submittedAt), tz, locale) })
                  : t("awaiting", { therapist: a.therapistLabel })}
          </Alert>
          <Suspense fallback={null}>
            <ObservationSummary values={obs!.values} tasks={parts.tasks} goals={parts.goals} />
          </Suspense>
        </>
      ) : noEntry && !obs ? (
        <Alert tone="warning">{a.attendance === "no_show" ? t("noEntryNoShow") : t("noEntryCancelled")}</Alert>
      ) : (
        <SessionForm key={a.id} view={view} appointmentId={a.id} obs={obs} parts={parts} replaces={refused?.group ?? []} blocked={a.attendance === null} name={name} therapist={a.therapistLabel} language={patient?.preferredLanguage ?? ""} />
      )}
    </div>
  );
}

function stripEnvelope(p: ObservationFormValues & { id: string; appointmentId: string; version: number | string }): ObservationFormValues {
  const { id: _id, appointmentId: _a, version: _v, ...values } = p;
  return values;
}

function SessionForm({ view, appointmentId, obs, parts, replaces, blocked, name, therapist, language }: {
  view: TabletView;
  appointmentId: string;
  obs: ViewObservation | undefined;
  parts: ReturnType<typeof sessionParts>;
  /** refused writes this form's next submit replaces (discarded once it is stored) */
  replaces: string[];
  blocked: boolean;
  name: string;
  therapist: string;
  language: string;
}) {
  const t = useTranslations("tablet.session");
  const locale = useLocale();
  const draft = useOutboxDraft(appointmentId, obs, t("title", { name }));
  const patientId = view.appointments.find((x) => x.id === appointmentId)?.patientId ?? "";
  const { api, refresh } = useOffline();
  const tz = view.clinic.timeZone;
  async function onSubmit(values: ObservationFormValues): Promise<SubmitAnswer> {
    await draft.submit(values);
    if (api && replaces.length) {
      for (const id of replaces) await api.discard(id);
      await refresh();
    }
    return { ok: true };
  }
  return (
    <ObservationForm
      defaultValues={parts.values}
      tasks={parts.tasks}
      goals={parts.goals}
      therapistLabel={therapist}
      patientLanguage={language}
      onValuesChange={draft.onValuesChange}
      onSubmit={onSubmit}
      statusLine={draft.keptAt ? t("draftKept", { time: formatClinicTime(new Date(draft.keptAt), tz, locale) }) : null}
      blocker={blocked ? { message: t("attendanceFirst"), focusId: `attendance-${appointmentId}` } : null}
      educationExtra={(i, form) => (
        <Suspense fallback={null}>
          <HandoutPicker index={i} form={form} patientId={patientId} patientLanguage={language} />
        </Suspense>
      )}
    />
  );
}
