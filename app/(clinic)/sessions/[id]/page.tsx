import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ObservationForm } from "@/components/observations/observation-form";
import { ObservationSummary } from "@/components/observations/observation-summary";
import { RaiseConcern } from "@/components/reports/raise-concern";
import { VerbalReport } from "@/components/reports/verbal-report";
import { PrecautionBadges } from "@/components/patients/precaution-badges";
import { Alert } from "@/components/ui/alert";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getSessionForObservation } from "@/lib/observations/queries";
import { verbalReportsFor, verbalReportTargets } from "@/lib/reports/verbal-report-queries";
import { formatClinicDate, formatClinicDateTime, formatClinicTime } from "@/lib/time";
import { raiseConcernAction } from "../../concerns/actions";
import { logVerbalReportAction, saveObservationDraftAction, submitObservationAction } from "./actions";

export const metadata: Metadata = { title: "Session observation" };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("observation:write", "/sessions/[id]");
  const s = await orNotFound(getSessionForObservation(actor, id));
  const tz = actor.clinic.timeZone;
  const a = s.appointment;
  const obs = s.observation;
  const noEntry = a.status === "cancelled" || a.attendance === "cancelled" || a.attendance === "no_show";
  const readOnly = obs?.status === "submitted" || obs?.status === "signed";
  const [targets, verbal] = await Promise.all([verbalReportTargets(actor, s.therapist), verbalReportsFor(a.id)]);

  return (
    <div className="space-y-6">
      <Link href="/today" className="inline-flex min-h-11 items-center gap-2 font-semibold text-primary">
        <ArrowLeft aria-hidden className="h-5 w-5" />
        Today
      </Link>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold break-words">Session with {s.patient.displayName}</h1>
        <p className="text-lg text-muted-foreground">
          {formatClinicDate(a.startsAt, tz)}, {formatClinicTime(a.startsAt, tz)}–{formatClinicTime(a.endsAt, tz)} · {a.roomName} · supervising therapist {s.therapist.label}
        </p>
        <PrecautionBadges precautions={s.patient.precautions} interpreterNeeded={s.patient.interpreterNeeded} language={s.patient.preferredLanguage} />
      </div>

      <RaiseConcern patientId={s.patient.id} appointmentId={a.id} therapistName={s.therapist.label} onRaise={raiseConcernAction} />
      <VerbalReport
        appointmentId={a.id}
        therapists={targets}
        timeZone={tz}
        reports={verbal.map((r) => ({ id: r.id, therapistLabel: r.therapistLabel, reportedAt: r.reportedAt.toISOString(), summary: r.summary }))}
        onLog={logVerbalReportAction}
      />

      {obs?.status === "returned" ? (
        <Alert tone="warning">
          <span className="font-semibold">Returned by {s.therapist.label}:</span> {obs.returnComment || "No comment given."}
        </Alert>
      ) : null}

      {readOnly ? (
        <>
          <Alert tone={obs?.status === "signed" ? "success" : "info"}>
            {obs?.status === "signed"
              ? `Signed by ${obs.signedByLabel ?? s.therapist.label}${obs.signedAt ? ` on ${formatClinicDateTime(obs.signedAt, tz)}` : ""}. It is part of the record and cannot be changed.`
              : `Awaiting signature from ${s.therapist.label}${obs?.submittedAt ? ` (submitted ${formatClinicDateTime(obs.submittedAt, tz)})` : ""}. It is read-only unless returned to you.`}
          </Alert>
          <p className="text-muted-foreground">Captured by {obs?.capturedByLabel}</p>
          <ObservationSummary values={s.values} tasks={s.tasks} goals={s.goals} />
        </>
      ) : noEntry && !obs ? (
        <Alert tone="warning">
          {a.attendance === "no_show"
            ? "This appointment was marked no-show, so no observation can be recorded."
            : "This appointment was cancelled, so no observation can be recorded."}
        </Alert>
      ) : (
        <>
          {a.attendance === null ? (
            <Alert tone="info">You can start the entry now; mark the patient present or late on Today before you submit it.</Alert>
          ) : null}
          <ObservationForm
            appointmentId={a.id}
            entry={obs ? { id: obs.id, version: obs.version } : null}
            defaultValues={s.values}
            tasks={s.tasks}
            goals={s.goals}
            therapistLabel={s.therapist.label}
            patientLanguage={s.patient.preferredLanguage}
            onSaveDraft={saveObservationDraftAction}
            onSubmit={submitObservationAction}
          />
        </>
      )}
    </div>
  );
}
