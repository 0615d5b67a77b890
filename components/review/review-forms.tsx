"use client";

import type { ActionResult } from "@/lib/action-result";
import { amendObservationSchema, returnObservationSchema, signObservationSchema } from "@/lib/observations/review-schemas";
import { acknowledgeSchema } from "@/lib/reports/schemas";
import { VerbForm } from "./verb-form";

type Submit = (input: Record<string, string>) => Promise<ActionResult<unknown>>;

export function SignForm({ observationId, version, onSubmit }: { observationId: string; version: number; onSubmit: Submit }) {
  return (
    <VerbForm
      label="Sign this entry"
      schema={signObservationSchema}
      hidden={{ observationId, version: String(version) }}
      fields={[{ name: "password", label: "Your password", type: "password", autoComplete: "current-password", hint: "Re-enter your password to sign. Signing adopts this entry into the patient's record." }]}
      onSubmit={onSubmit}
      submitLabel="Sign entry"
      pendingLabel="Signing…"
      success="Entry signed."
    />
  );
}

export function ReturnForm({ observationId, version, onSubmit }: { observationId: string; version: number; onSubmit: Submit }) {
  return (
    <VerbForm
      label="Return this entry"
      schema={returnObservationSchema}
      hidden={{ observationId, version: String(version) }}
      fields={[{ name: "comment", label: "Comment for the assistant", type: "textarea", hint: "What should they fix or add? They will see this on their Today." }]}
      onSubmit={onSubmit}
      submitLabel="Return to assistant"
      pendingLabel="Returning…"
      success="Entry returned to the assistant."
      variant="secondary"
    />
  );
}

export function AmendForm({ observationId, onSubmit }: { observationId: string; onSubmit: Submit }) {
  return (
    <VerbForm
      label="Amend this entry"
      schema={amendObservationSchema}
      hidden={{ observationId }}
      fields={[
        { name: "reason", label: "Reason for the amendment" },
        { name: "text", label: "Amendment text", type: "textarea" },
      ]}
      onSubmit={onSubmit}
      submitLabel="Add amendment"
      success="Amendment added."
      resetOnSuccess
    />
  );
}

export function AcknowledgeForm({ id, version, what, onSubmit }: { id: string; version: number; what: string; onSubmit: Submit }) {
  return (
    <VerbForm
      label={`Acknowledge ${what}`}
      schema={acknowledgeSchema}
      hidden={{ id, version: String(version) }}
      fields={[{ name: "comment", label: "Comment", type: "textarea" }]}
      onSubmit={onSubmit}
      submitLabel="Acknowledge"
      success="Acknowledged."
    />
  );
}
