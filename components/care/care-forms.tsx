"use client";

import { useTranslations } from "next-intl";
import { VerbForm } from "@/components/review/verb-form";
import type { ActionResult } from "@/lib/action-result";
import { competencySchema, delegationSchema, endDelegationSchema, endGoalSchema, goalSchema, precautionsSchema } from "@/lib/care/schemas";
import { TASK_TYPE_KEYS } from "@/lib/care/task-types";

type Submit = (input: Record<string, string>) => Promise<ActionResult<unknown>>;
type Option = { value: string; label: string };
function useTaskOptions(): Option[] {
  const tasks = useTranslations("taskTypes");
  return TASK_TYPE_KEYS.map((k) => ({ value: k, label: tasks(k) }));
}

export function GoalForm({ patientId, onSubmit }: { patientId: string; onSubmit: Submit }) {
  const t = useTranslations("careForms");
  return (
    <VerbForm
      label={t("newGoal")}
      schema={goalSchema}
      hidden={{ patientId }}
      fields={[
        { name: "description", label: t("goal"), type: "textarea" },
        { name: "unit", label: t("unitMeasured"), hint: t("ftRepsSecondsSteps") },
        { name: "baseline", label: t("baseline"), type: "number" },
        { name: "target", label: t("target"), type: "number" },
        { name: "targetDate", label: t("targetDate"), type: "date" },
      ]}
      onSubmit={onSubmit}
      submitLabel={t("addGoal")}
      success={t("goalAdded")}
      resetOnSuccess
    />
  );
}

export function EndGoalForm({ goalId, version, onSubmit }: { goalId: string; version: number; onSubmit: Submit }) {
  const t = useTranslations("careForms");
  return (
    <VerbForm
      label={t("endGoal")}
      schema={endGoalSchema}
      hidden={{ goalId, version: String(version) }}
      fields={[{ name: "outcome", label: t("outcome"), type: "select", options: [{ value: "met", label: t("met") }, { value: "discontinued", label: t("discontinued") }] }]}
      onSubmit={onSubmit}
      submitLabel={t("endGoal")}
      success={t("goalEnded")}
      variant="secondary"
    />
  );
}

export function DelegationForm({
  patientId,
  assistants,
  goals,
  today,
  onSubmit,
}: {
  patientId: string;
  assistants: Option[];
  goals: Option[];
  today: string;
  onSubmit: Submit;
}) {
  const t = useTranslations("careForms");
  const taskOptions = useTaskOptions();
  return (
    <VerbForm
      label={t("newDelegation")}
      schema={delegationSchema}
      hidden={{ patientId }}
      defaultValues={{ startsOn: today, frequency: t("eachSession") }}
      fields={[
        { name: "assistantId", label: t("assistant"), type: "select", options: assistants },
        { name: "taskType", label: t("taskType"), type: "select", options: taskOptions },
        { name: "goalId", label: t("goalOptional"), type: "select", options: [{ value: "", label: t("noGoal") }, ...goals] },
        { name: "instructions", label: t("instructions"), type: "textarea" },
        { name: "frequency", label: t("frequency") },
        { name: "startsOn", label: t("startsOn"), type: "date" },
        { name: "endsOn", label: t("endsOnOptional"), type: "date" },
      ]}
      onSubmit={onSubmit}
      submitLabel={t("delegate")}
      success={t("taskDelegated")}
      resetOnSuccess
    />
  );
}

export function EndDelegationForm({ delegationId, version, onSubmit }: { delegationId: string; version: number; onSubmit: Submit }) {
  const t = useTranslations("careForms");
  return (
    <VerbForm
      label={t("endDelegation")}
      schema={endDelegationSchema}
      hidden={{ delegationId, version: String(version) }}
      fields={[]}
      onSubmit={onSubmit}
      submitLabel={t("endDelegation")}
      success={t("delegationEnded")}
      variant="secondary"
    />
  );
}

export function CompetencyForm({ assistants, today, onSubmit }: { assistants: Option[]; today: string; onSubmit: Submit }) {
  const t = useTranslations("careForms");
  const taskOptions = useTaskOptions();
  return (
    <VerbForm
      label={t("recordCompetency")}
      schema={competencySchema}
      defaultValues={{ verifiedOn: today }}
      fields={[
        { name: "assistantId", label: t("assistant"), type: "select", options: assistants },
        { name: "taskType", label: t("taskType"), type: "select", options: taskOptions },
        { name: "verifiedOn", label: t("verifiedOn"), type: "date" },
        { name: "expiresOn", label: t("expiresOnOptional"), type: "date" },
        { name: "note", label: t("howItWasVerifiedOptional") },
      ]}
      onSubmit={onSubmit}
      submitLabel={t("recordCompetency")}
      success={t("competencyRecorded")}
      resetOnSuccess
    />
  );
}

export function PrecautionsForm({ patientId, version, precautions, onSubmit }: { patientId: string; version: number; precautions: string[]; onSubmit: Submit }) {
  const t = useTranslations("careForms");
  return (
    // no key on the version: the form submits the current version prop, and a remount would hide the message
    <VerbForm
      label={t("precautions")}
      schema={precautionsSchema}
      hidden={{ patientId, version: String(version) }}
      defaultValues={{ precautions: precautions.join("\n") }}
      fields={[{ name: "precautions", label: t("precautionsOnePerLine"), type: "textarea", hint: t("precautionsHint") }]}
      onSubmit={onSubmit}
      submitLabel={t("savePrecautions")}
      success={t("precautionsSaved")}
      variant="secondary"
    />
  );
}
