"use client";

import { ClipboardPen, DoorOpen, MessageSquareWarning, UserRound } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { PrecautionBadges } from "@/components/patients/precaution-badges";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import type { TabletView, ViewAppointment } from "@/lib/offline/view";
import { isFlaggedNotReady } from "@/lib/rooms/not-ready";
import { formatClinicDate, formatClinicDateTime, formatClinicTime } from "@/lib/time";
import { cn } from "@/lib/utils";
import { AttendanceButtons } from "./attendance-buttons";
import { TabletConcernDisclosure } from "./report-adapters";
import { useOffline } from "./offline-provider";
import { TabletLink } from "./tablet-link";

type Tone = ComponentProps<typeof Badge>["tone"];
const PREP_TONE: Record<"ready" | "in_progress" | "not_started", Tone> = { ready: "success", in_progress: "warning", not_started: "neutral" };
type EntryKey = "none" | "draft" | "submitted" | "returned" | "signed";
const ENTRY_TONE: Record<EntryKey, Tone> = { none: "neutral", draft: "info", submitted: "warning", returned: "danger", signed: "success" };

/** Today from the device store: works the same with or without a network. */
export function TodayScreen() {
  const { view } = useOffline();
  const t = useTranslations("tablet.today");
  const locale = useLocale();
  if (!view) return null;
  const tz = view.clinic.timeZone;
  const today = view.appointments.filter((a) => a.day === view.days.today && !a.returnedOnly);
  const returnedEarlier = view.appointments.filter((a) => a.returnedOnly && view.observations.some((o) => o.appointmentId === a.id && o.status === "returned"));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg text-muted-foreground">{formatClinicDate(new Date(), tz, locale)}</p>
      </div>
      {returnedEarlier.length ? (
        <section aria-labelledby="returned-title" className="space-y-3 rounded-lg border-2 border-danger bg-danger-soft p-4">
          <h2 id="returned-title" className="text-xl font-semibold text-danger">
            {t("returnedTitle")}
          </h2>
          <ul className="space-y-3">
            {returnedEarlier.map((a) => (
              <li key={a.id} className="rounded-lg bg-surface p-3">
                <TabletLink href={`/sessions/${a.id}`} className="flex min-h-11 flex-col justify-center font-semibold text-primary underline">
                  {patientName(view, a)}, {formatClinicDateTime(new Date(a.startsAt), tz, locale)}
                </TabletLink>
                <p>
                  <span className="font-semibold">{a.therapistLabel}: </span>
                  {view.observations.find((o) => o.appointmentId === a.id)?.returnComment || t("noComment")}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="schedule-title" className="space-y-4">
        <h2 id="schedule-title" className="sr-only">
          {t("title")}
        </h2>
        {today.length === 0 ? (
          <p className="text-lg text-muted-foreground">{t("none")}</p>
        ) : (
          <ol className="space-y-4">
            {today.map((a) => (
              <li key={a.id}>
                <AppointmentCard view={view} appt={a} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

export function patientName(view: TabletView, a: { patientId: string }): string {
  return view.patients.find((p) => p.id === a.patientId)?.displayName ?? "";
}

function AppointmentCard({ view, appt }: { view: TabletView; appt: ViewAppointment }) {
  const t = useTranslations("tablet.today");
  const entryT = useTranslations("tablet.entry");
  const prepT = useTranslations("tablet.prep");
  const locale = useLocale();
  const tz = view.clinic.timeZone;
  const patient = view.patients.find((p) => p.id === appt.patientId);
  const name = patient?.displayName ?? "";
  const obs = view.observations.find((o) => o.appointmentId === appt.id);
  const entryKey: EntryKey = obs?.status ?? "none";
  const returned = obs?.status === "returned";
  const cancelled = appt.status === "cancelled";
  const noEntry = cancelled || appt.attendance === "no_show" || appt.attendance === "cancelled";
  const room = view.rooms.find((r) => r.id === appt.roomId);
  const prep = view.roomPreps.find((p) => p.roomId === appt.roomId && p.day === view.days.today);
  const prepStatus = prep?.status ?? "not_started";
  const notReadySoon = isFlaggedNotReady(prepStatus, room?.firstAppointmentAt ? new Date(room.firstAppointmentAt) : null, new Date());
  const titleId = `appt-${appt.id}`;
  return (
    <article aria-labelledby={titleId} className={cn("space-y-4 rounded-lg border bg-surface p-4 shadow-sm sm:p-5", returned ? "border-2 border-danger" : "border-border", cancelled && "border-dashed")}>
      <div className="flex flex-wrap items-start gap-x-5 gap-y-2">
        <p className="text-2xl font-bold tabular-nums">
          {formatClinicTime(new Date(appt.startsAt), tz, locale)}
          <span className="block text-base font-normal text-muted-foreground">{t("until", { time: formatClinicTime(new Date(appt.endsAt), tz, locale) })}</span>
        </p>
        <div className="min-w-0 flex-1 space-y-2">
          <h3 id={titleId} className="text-2xl font-semibold break-words">
            {name}
          </h3>
          {patient ? <PrecautionBadges precautions={patient.precautions} interpreterNeeded={patient.interpreterNeeded} language={patient.preferredLanguage} /> : null}
        </div>
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-base sm:grid-cols-2">
        <div className="flex flex-wrap items-center gap-2">
          <dt className="flex items-center gap-1 text-muted-foreground">
            <DoorOpen aria-hidden className="h-5 w-5" />
            {t("room")}
          </dt>
          <dd className="flex flex-wrap items-center gap-2 font-semibold">
            <TabletLink href={`/prep/${appt.roomId}`} className="inline-flex min-h-11 items-center text-primary underline">
              {appt.roomName}
            </TabletLink>
            <Badge tone={PREP_TONE[prepStatus]}>{prepT(prepStatus)}</Badge>
            {notReadySoon ? <Badge tone="danger">{t("notReadySoon")}</Badge> : null}
            {room?.outOfService.map((n) => (
              <Badge key={n} tone="danger">
                {t("outOfService", { name: n })}
              </Badge>
            ))}
          </dd>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <dt className="flex items-center gap-1 text-muted-foreground">
            <UserRound aria-hidden className="h-5 w-5" />
            {t("therapist")}
          </dt>
          <dd className="font-semibold">{appt.therapistLabel}</dd>
        </div>
      </dl>
      {cancelled ? (
        <p className="font-semibold text-warning">{t("cancelledByClinic")}</p>
      ) : (
        <AttendanceButtons appt={appt} patientName={name} disabled={obs?.status === "submitted" || obs?.status === "signed"} />
      )}
      {returned ? (
        <div className="flex gap-3 rounded-lg border-l-4 border-danger bg-danger-soft px-4 py-3">
          <MessageSquareWarning aria-hidden className="mt-1 h-5 w-5 shrink-0 text-danger" />
          <p>
            <span className="font-semibold text-danger">{t("returnedBy", { therapist: appt.therapistLabel })} </span>
            {obs?.returnComment || t("noComment")}
          </p>
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 border-t border-border pt-3">
        <span className="text-muted-foreground">{t("entry")}</span>
        <Badge tone={ENTRY_TONE[entryKey]}>{entryT(`text.${entryKey}`)}</Badge>
        {obs?.pending === "waiting" ? <Badge tone="warning">{t("waitingToSend")}</Badge> : null}
        {noEntry && !obs ? (
          <span className="text-muted-foreground">{t("noEntryFor", { what: cancelled || appt.attendance === "cancelled" ? "cancelled" : "missed" })}</span>
        ) : (
          <TabletLink href={`/sessions/${appt.id}`} className={cn(buttonVariants({ variant: returned ? "danger" : "primary", size: "md" }), "ml-auto")}>
            <ClipboardPen aria-hidden className="h-5 w-5" />
            {entryT(`action.${entryKey}`)}
            <span className="sr-only"> {t("forPatient", { name })}</span>
          </TabletLink>
        )}
      </div>
      {!cancelled ? <TabletConcernDisclosure patientId={appt.patientId} appointmentId={appt.id} therapistName={appt.therapistLabel} patientName={name} /> : null}
    </article>
  );
}
