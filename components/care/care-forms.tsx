"use client";

import { VerbForm } from "@/components/review/verb-form";
import type { ActionResult } from "@/lib/action-result";
import { competencySchema, delegationSchema, endDelegationSchema, endGoalSchema, goalSchema, precautionsSchema } from "@/lib/care/schemas";
import { TASK_TYPES, TASK_TYPE_KEYS } from "@/lib/care/task-types";

type Submit = (input: Record<string, string>) => Promise<ActionResult<unknown>>;
type Option = { value: string; label: string };
const TASK_OPTIONS: Option[] = TASK_TYPE_KEYS.map((k) => ({ value: k, label: TASK_TYPES[k] }));

export function GoalForm({ patientId, onSubmit }: { patientId: string; onSubmit: Submit }) {
  return (
    <VerbForm
      label="New goal"
      schema={goalSchema}
      hidden={{ patientId }}
      fields={[
        { name: "description", label: "Goal", type: "textarea" },
        { name: "unit", label: "Unit measured", hint: "ft, reps, seconds, %, steps…" },
        { name: "baseline", label: "Baseline", type: "number" },
        { name: "target", label: "Target", type: "number" },
        { name: "targetDate", label: "Target date", type: "date" },
      ]}
      onSubmit={onSubmit}
      submitLabel="Add goal"
      success="Goal added."
      resetOnSuccess
    />
  );
}

export function EndGoalForm({ goalId, version, onSubmit }: { goalId: string; version: number; onSubmit: Submit }) {
  return (
    <VerbForm
      label="End goal"
      schema={endGoalSchema}
      hidden={{ goalId, version: String(version) }}
      fields={[{ name: "outcome", label: "Outcome", type: "select", options: [{ value: "met", label: "Met" }, { value: "discontinued", label: "Discontinued" }] }]}
      onSubmit={onSubmit}
      submitLabel="End goal"
      success="Goal ended."
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
  return (
    <VerbForm
      label="New delegation"
      schema={delegationSchema}
      hidden={{ patientId }}
      defaultValues={{ startsOn: today, frequency: "Each session" }}
      fields={[
        { name: "assistantId", label: "Assistant", type: "select", options: assistants },
        { name: "taskType", label: "Task type", type: "select", options: TASK_OPTIONS },
        { name: "goalId", label: "Goal (optional)", type: "select", options: [{ value: "", label: "No goal" }, ...goals] },
        { name: "instructions", label: "Instructions", type: "textarea" },
        { name: "frequency", label: "Frequency" },
        { name: "startsOn", label: "Starts on", type: "date" },
        { name: "endsOn", label: "Ends on (optional)", type: "date" },
      ]}
      onSubmit={onSubmit}
      submitLabel="Delegate"
      success="Task delegated."
      resetOnSuccess
    />
  );
}

export function EndDelegationForm({ delegationId, version, onSubmit }: { delegationId: string; version: number; onSubmit: Submit }) {
  return (
    <VerbForm
      label="End delegation"
      schema={endDelegationSchema}
      hidden={{ delegationId, version: String(version) }}
      fields={[]}
      onSubmit={onSubmit}
      submitLabel="End delegation"
      success="Delegation ended."
      variant="secondary"
    />
  );
}

export function CompetencyForm({ assistants, today, onSubmit }: { assistants: Option[]; today: string; onSubmit: Submit }) {
  return (
    <VerbForm
      label="Record competency"
      schema={competencySchema}
      defaultValues={{ verifiedOn: today }}
      fields={[
        { name: "assistantId", label: "Assistant", type: "select", options: assistants },
        { name: "taskType", label: "Task type", type: "select", options: TASK_OPTIONS },
        { name: "verifiedOn", label: "Verified on", type: "date" },
        { name: "expiresOn", label: "Expires on (optional)", type: "date" },
        { name: "note", label: "How it was verified (optional)" },
      ]}
      onSubmit={onSubmit}
      submitLabel="Record competency"
      success="Competency recorded."
      resetOnSuccess
    />
  );
}

export function PrecautionsForm({ patientId, version, precautions, onSubmit }: { patientId: string; version: number; precautions: string[]; onSubmit: Submit }) {
  return (
    // no key on the version: the form submits the current version prop, and a remount would hide the message
    <VerbForm
      label="Precautions"
      schema={precautionsSchema}
      hidden={{ patientId, version: String(version) }}
      defaultValues={{ precautions: precautions.join("\n") }}
      fields={[{ name: "precautions", label: "Precautions (one per line)", type: "textarea", hint: "Shown to the assistants who work with this patient." }]}
      onSubmit={onSubmit}
      submitLabel="Save precautions"
      success="Precautions saved."
      variant="secondary"
    />
  );
}
