"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/action-result";
import { amendObservationSchema, returnObservationSchema, signObservationSchema } from "@/lib/observations/review-schemas";
import { acknowledgeSchema } from "@/lib/reports/schemas";
import { VerbForm } from "./verb-form";

type Submit = (input: Record<string, string>) => Promise<ActionResult<unknown>>;

export function SignForm({ observationId, version, onSubmit }: { observationId: string; version: number; onSubmit: Submit }) {
  const t = useTranslations("reviewForms");
  return (
    <VerbForm
      label={t("signLabel")}
      schema={signObservationSchema}
      hidden={{ observationId, version: String(version) }}
      fields={[{ name: "password", label: t("password"), type: "password", autoComplete: "current-password", hint: t("passwordHint") }]}
      onSubmit={onSubmit}
      submitLabel={t("sign")}
      pendingLabel={t("signing")}
      success={t("signed")}
    />
  );
}

export function ReturnForm({ observationId, version, onSubmit }: { observationId: string; version: number; onSubmit: Submit }) {
  const t = useTranslations("reviewForms");
  return (
    <VerbForm
      label={t("returnLabel")}
      schema={returnObservationSchema}
      hidden={{ observationId, version: String(version) }}
      fields={[{ name: "comment", label: t("returnComment"), type: "textarea", hint: t("returnHint") }]}
      onSubmit={onSubmit}
      submitLabel={t("return")}
      pendingLabel={t("returning")}
      success={t("returned")}
      variant="secondary"
    />
  );
}

export function AmendForm({ observationId, onSubmit }: { observationId: string; onSubmit: Submit }) {
  const t = useTranslations("reviewForms");
  return (
    <VerbForm
      label={t("amendLabel")}
      schema={amendObservationSchema}
      hidden={{ observationId }}
      fields={[
        { name: "reason", label: t("amendReason") },
        { name: "text", label: t("amendText"), type: "textarea" },
      ]}
      onSubmit={onSubmit}
      submitLabel={t("amend")}
      success={t("amended")}
      resetOnSuccess
    />
  );
}

/**
 * Acknowledge a concern or a report. Acknowledging takes the item off the list, so the answer must not
 * live inside it: with `doneHref` the page is replaced by one that says what was acknowledged.
 */
export function AcknowledgeForm({
  id,
  version,
  what,
  onSubmit,
  doneHref,
}: {
  id: string;
  version: number;
  what: "concern" | "report";
  onSubmit: Submit;
  doneHref?: string;
}) {
  const t = useTranslations("reviewForms");
  const router = useRouter();
  return (
    <VerbForm
      label={what === "concern" ? t("acknowledgeConcern") : t("acknowledgeReport")}
      schema={acknowledgeSchema}
      hidden={{ id, version: String(version) }}
      fields={[{ name: "comment", label: t("comment"), type: "textarea" }]}
      onSubmit={onSubmit}
      submitLabel={t("acknowledge")}
      success={t("acknowledged")}
      onSuccess={doneHref ? () => router.replace(doneHref, { scroll: false }) : undefined}
    />
  );
}
