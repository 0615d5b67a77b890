import { ClipboardPen, DoorOpen, MessageSquareWarning, UserRound } from "lucide-react";
import Link from "next/link";
import type { ComponentProps } from "react";
import { PrecautionBadges } from "@/components/patients/precaution-badges";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { formatClinicTime } from "@/lib/time";
import type { TodayAppointment } from "@/lib/today/queries";
import { cn } from "@/lib/utils";
import { ConcernDisclosure, RaiseConcern } from "@/components/reports/raise-concern";
import { AttendanceControl } from "./attendance-control";

type Tone = ComponentProps<typeof Badge>["tone"];

const PREP: Record<TodayAppointment["roomPrep"], { text: string; tone: Tone }> = {
  ready: { text: "Room ready", tone: "success" },
  in_progress: { text: "Room prep in progress", tone: "warning" },
  not_started: { text: "Room not prepared", tone: "neutral" },
};

const ENTRY: Record<"none" | NonNullable<TodayAppointment["observation"]>["status"], { text: string; tone: Tone; action: string }> = {
  none: { text: "No entry yet", tone: "neutral", action: "Log session" },
  draft: { text: "Draft", tone: "info", action: "Continue entry" },
  submitted: { text: "Awaiting signature", tone: "warning", action: "View entry" },
  returned: { text: "Returned to you", tone: "danger", action: "Fix returned entry" },
  signed: { text: "Signed", tone: "success", action: "View entry" },
};

/** What the rooms domain says about this appointment's room today. */
export type RoomAlert = { notReadySoon: boolean; outOfService: string[] };

export function TodayAppointmentCard({
  appt,
  timeZone,
  roomAlert,
  attendanceActions,
  onRaiseConcern,
}: {
  appt: TodayAppointment;
  timeZone: string;
  roomAlert?: RoomAlert;
  /** the raise-concern server action; the buttons sit behind a disclosure to keep the card calm */
  onRaiseConcern?: ComponentProps<typeof RaiseConcern>["onRaise"];
  attendanceActions: Pick<ComponentProps<typeof AttendanceControl>, "onRecord" | "onUndo">;
}) {
  const entry = ENTRY[appt.observation?.status ?? "none"];
  const returned = appt.observation?.status === "returned";
  const noEntry = appt.cancelledByClinic || appt.attendance === "no_show" || appt.attendance === "cancelled";
  const titleId = `appt-${appt.id}`;
  return (
    <article
      aria-labelledby={titleId}
      className={cn("space-y-4 rounded-lg border bg-surface p-4 shadow-sm sm:p-5", returned ? "border-2 border-danger" : "border-border", appt.cancelledByClinic && "border-dashed")}
    >
      <div className="flex flex-wrap items-start gap-x-5 gap-y-2">
        <p className="text-2xl font-bold tabular-nums">
          {formatClinicTime(appt.startsAt, timeZone)}
          <span className="block text-base font-normal text-muted-foreground">until {formatClinicTime(appt.endsAt, timeZone)}</span>
        </p>
        <div className="min-w-0 flex-1 space-y-2">
          <h3 id={titleId} className="text-2xl font-semibold break-words">
            {appt.patientName}
          </h3>
          <PrecautionBadges precautions={appt.precautions} interpreterNeeded={appt.interpreterNeeded} language={appt.preferredLanguage} />
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-base sm:grid-cols-2">
        <div className="flex flex-wrap items-center gap-2">
          <dt className="flex items-center gap-1 text-muted-foreground">
            <DoorOpen aria-hidden className="h-5 w-5" />
            Room
          </dt>
          <dd className="flex flex-wrap items-center gap-2 font-semibold">
            <Link href={`/rooms/${appt.roomId}`} prefetch={false} className="inline-flex min-h-11 items-center text-primary underline">
              {appt.roomName}
            </Link>
            <Badge tone={PREP[appt.roomPrep].tone}>{PREP[appt.roomPrep].text}</Badge>
            {roomAlert?.notReadySoon ? <Badge tone="danger">Not ready: first session within 15 min</Badge> : null}
            {roomAlert?.outOfService.map((name) => (
              <Badge key={name} tone="danger">
                Out of service: {name}
              </Badge>
            ))}
          </dd>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <dt className="flex items-center gap-1 text-muted-foreground">
            <UserRound aria-hidden className="h-5 w-5" />
            Supervising therapist
          </dt>
          <dd className="font-semibold">{appt.therapist}</dd>
        </div>
      </dl>
      {appt.cancelledByClinic ? (
        <p className="font-semibold text-warning">The clinic cancelled this appointment.</p>
      ) : (
        <AttendanceControl
          appointmentId={appt.id}
          patientName={appt.patientName}
          timeZone={timeZone}
          initial={{ attendance: appt.attendance, arrivedAt: appt.arrivedAt?.toISOString() ?? null, version: appt.version }}
          disabled={appt.observation?.status === "submitted" || appt.observation?.status === "signed"}
          {...attendanceActions}
        />
      )}
      {returned ? (
        <div className="flex gap-3 rounded-lg border-l-4 border-danger bg-danger-soft px-4 py-3">
          <MessageSquareWarning aria-hidden className="mt-1 h-5 w-5 shrink-0 text-danger" />
          <p>
            <span className="font-semibold text-danger">Returned by {appt.therapist}: </span>
            {appt.observation?.returnComment || "No comment given."}
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 border-t border-border pt-3">
        <span className="text-muted-foreground">Session entry:</span>
        <Badge tone={entry.tone}>{entry.text}</Badge>
        {noEntry && !appt.observation ? (
          <span className="text-muted-foreground">No entry for a {appt.cancelledByClinic || appt.attendance === "cancelled" ? "cancelled" : "missed"} session.</span>
        ) : (
          <Link href={`/sessions/${appt.id}`} className={cn(buttonVariants({ variant: returned ? "danger" : "primary", size: "md" }), "ml-auto")}>
            <ClipboardPen aria-hidden className="h-5 w-5" />
            {entry.action}
            <span className="sr-only"> for {appt.patientName}</span>
          </Link>
        )}
      </div>
      {onRaiseConcern && !appt.cancelledByClinic ? (
        <ConcernDisclosure
          patientName={appt.patientName}
          patientId={appt.patientId}
          appointmentId={appt.id}
          therapistName={appt.therapist}
          onRaise={onRaiseConcern}
        />
      ) : null}
    </article>
  );
}
