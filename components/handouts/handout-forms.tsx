"use client";

import { useRouter } from "next/navigation";
import { VerbForm, type Field } from "@/components/review/verb-form";
import type { ActionResult } from "@/lib/action-result";
import { handoutFormSchema, HANDOUT_LANGUAGES, linkHandoutSchema } from "@/lib/handouts/schemas";

type Submit = (input: Record<string, string>) => Promise<ActionResult<unknown>>;
type Option = { value: string; label: string };

/** The labels the server page passes in (from the `handouts` catalog), so this form needs no client catalog. */
export type HandoutFormLabels = {
  form: string;
  discipline: string;
  anyDiscipline: string;
  title: Record<(typeof HANDOUT_LANGUAGES)[number], string>;
  steps: Record<(typeof HANDOUT_LANGUAGES)[number], string>;
  stepsHint: string;
  precautions: Record<(typeof HANDOUT_LANGUAGES)[number], string>;
  precautionsHint: string;
  frequency: Record<(typeof HANDOUT_LANGUAGES)[number], string>;
  submit: string;
  success: string;
};

const DISCIPLINES = ["PT", "OT", "SLP", "RT"];

/**
 * Write a handout, or publish its next version: both languages, steps and precautions one per line.
 * `afterSave: "open"` (a new handout) goes on to its page; "stay" (a revision) is re-rendered by the
 * action's own response (lib/after-save.ts).
 */
export function HandoutForm({
  labels,
  defaultValues,
  hidden,
  onSubmit,
  afterSave,
}: {
  labels: HandoutFormLabels;
  defaultValues?: Record<string, string>;
  hidden?: Record<string, string>;
  onSubmit: Submit;
  afterSave: "open" | "stay";
}) {
  const router = useRouter();
  const fields: Field[] = [
    { name: "discipline", label: labels.discipline, type: "select", options: [{ value: "", label: labels.anyDiscipline }, ...DISCIPLINES.map((d) => ({ value: d, label: d }))] },
    ...HANDOUT_LANGUAGES.flatMap((l): Field[] => [
      { name: `title_${l}`, label: labels.title[l] },
      { name: `steps_${l}`, label: labels.steps[l], type: "textarea", hint: labels.stepsHint },
      { name: `precautions_${l}`, label: labels.precautions[l], type: "textarea", hint: labels.precautionsHint },
      { name: `frequency_${l}`, label: labels.frequency[l] },
    ]),
  ];
  return (
    <VerbForm
      label={labels.form}
      schema={handoutFormSchema}
      fields={fields}
      hidden={hidden}
      defaultValues={defaultValues}
      onSubmit={onSubmit}
      submitLabel={labels.submit}
      success={labels.success}
      onSuccess={
        afterSave === "open"
          ? (data) => {
              const id = (data as { id?: string } | undefined)?.id;
              if (id) router.push(`/handouts/${id}`);
            }
          : undefined
      }
    />
  );
}

/** Link a handout to one of the patient's goals or delegations (one select lists both). */
export function LinkHandoutForm({
  patientId,
  handouts,
  targets,
  labels,
  onSubmit,
}: {
  patientId: string;
  handouts: Option[];
  targets: Option[];
  labels: { form: string; handout: string; target: string; submit: string; success: string };
  onSubmit: Submit;
}) {
  return (
    <VerbForm
      label={labels.form}
      schema={linkHandoutSchema}
      hidden={{ patientId }}
      fields={[
        { name: "handoutId", label: labels.handout, type: "select", options: handouts },
        { name: "target", label: labels.target, type: "select", options: targets },
      ]}
      onSubmit={onSubmit}
      submitLabel={labels.submit}
      success={labels.success}
    />
  );
}
