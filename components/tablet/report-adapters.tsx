"use client";

import { useTranslations } from "next-intl";
import { ConcernDisclosure, RaiseConcern } from "@/components/reports/raise-concern";
import { VerbalReport } from "@/components/reports/verbal-report";
import type { ActionResult } from "@/lib/action-result";
import type { ErrorCode } from "@/lib/errors";
import type { ConcernInput } from "@/lib/reports/schemas";
import type { VerbalReportInput, VerbalReportResult } from "@/lib/reports/verbal-report-schemas";
import { useOffline, type Delivery } from "./offline-provider";

type Fail = Extract<ActionResult<never>, { ok: false }>;
const failure = (d: Extract<Delivery, { state: "attention" }>): Fail => ({ ok: false, code: (d.code ?? "VALIDATION") as ErrorCode, message: d.message, fieldErrors: d.fieldErrors });

/** The concern and verbal-report components, writing through the tablet's outbox instead of a server action. */
function useRaise() {
  const { writeAndSend } = useOffline();
  const t = useTranslations("tablet.outbox");
  const kinds = useTranslations("concernKinds");
  return async (input: ConcernInput): Promise<ActionResult<{ id: string; queued?: boolean }>> => {
    const kind = kinds.has(input.kind as never) ? kinds(input.kind as never) : input.kind;
    const d = await writeAndSend("concern.raise", input, { label: t("concern", { kind }), appointmentId: input.appointmentId || undefined });
    return d.state === "attention" ? failure(d) : { ok: true, data: { id: input.id, queued: d.state === "waiting" } };
  };
}

export function TabletRaiseConcern(props: { patientId: string; appointmentId: string; therapistName: string }) {
  return <RaiseConcern {...props} onRaise={useRaise()} />;
}

export function TabletConcernDisclosure(props: { patientId: string; appointmentId: string; therapistName: string; patientName: string }) {
  return <ConcernDisclosure {...props} onRaise={useRaise()} />;
}

export function TabletVerbalReport({ appointmentId }: { appointmentId: string }) {
  const { view, writeAndSend } = useOffline();
  const t = useTranslations("tablet.outbox");
  if (!view) return null;
  const label = (id: string) => view.therapists.find((t) => t.id === id)?.label ?? "";
  const appt = view.appointments.find((a) => a.id === appointmentId);
  const therapists = appt ? [...view.therapists].sort((a, b) => Number(b.id === appt.therapistId) - Number(a.id === appt.therapistId)) : view.therapists;
  const reports = view.verbalReports
    .filter((r) => r.appointmentId === appointmentId)
    .map((r) => ({ id: r.id, therapistLabel: label(r.therapistId), reportedAt: r.reportedAt, summary: r.summary }));
  async function onLog(input: VerbalReportInput): Promise<ActionResult<VerbalReportResult>> {
    const reportedAt = input.reportedAt || new Date().toISOString();
    const d = await writeAndSend("verbal_report.log", { ...input, reportedAt }, { label: t("verbalReport"), appointmentId });
    return d.state === "attention" ? failure(d) : { ok: true, data: { id: input.id, therapistLabel: label(input.therapistId), reportedAt } };
  }
  return <VerbalReport appointmentId={appointmentId} therapists={therapists} timeZone={view.clinic.timeZone} reports={reports} onLog={onLog} />;
}
