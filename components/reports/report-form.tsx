"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { VerbForm } from "@/components/review/verb-form";
import type { ActionResult } from "@/lib/action-result";
import { progressReportSchema } from "@/lib/reports/schemas";

/** Compose a progress report. The id is made here, once, so a retried submit makes one report. */
export function ReportForm({
  patients,
  defaults,
  onSubmit,
}: {
  patients: { value: string; label: string }[];
  defaults: { patientId: string; periodStart: string; periodEnd: string };
  onSubmit: (input: Record<string, string>) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [id] = useState(() => crypto.randomUUID());
  return (
    <VerbForm
      label="Progress report"
      schema={progressReportSchema}
      hidden={{ id }}
      defaultValues={defaults}
      fields={[
        { name: "patientId", label: "Patient", type: "select", options: patients },
        { name: "periodStart", label: "Period from", type: "date" },
        { name: "periodEnd", label: "Period to", type: "date" },
        { name: "narrative", label: "Narrative", type: "textarea", hint: "Attendance, attitude, goal measurements and accomplishments are added from the record automatically." },
      ]}
      onSubmit={onSubmit as (input: Record<string, string>) => Promise<ActionResult<unknown>>}
      submitLabel="Send to therapist"
      pendingLabel="Sending…"
      success="Report sent."
      onSuccess={() => router.push(`/reports/${id}`)}
    />
  );
}
