"use client";

import { Undo2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ViewAppointment } from "@/lib/offline/view";
import { ATTENDANCE_VALUES, type AttendanceValue } from "@/lib/schedule/attendance";
import { clinicTime, formatClinicTime } from "@/lib/time";
import { useOffline } from "./offline-provider";

/** One-tap attendance and its undo, through the outbox: shown at once, sent when the tablet can. */
export function AttendanceButtons({ appt, patientName, disabled, firstId }: { appt: ViewAppointment; patientName: string; disabled?: boolean; firstId?: string }) {
  const { write, view } = useOffline();
  const tz = view!.clinic.timeZone;
  const t = useTranslations("tablet.attendance");
  const label = useTranslations("attendance");
  const today = useTranslations("tablet.today");
  const locale = useLocale();
  const lower = (s: string) => s.toLocaleLowerCase(locale);
  const [lateOpen, setLateOpen] = useState(false);
  const [arrival, setArrival] = useState("");
  const [undoVersion, setUndoVersion] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // what the undo puts back (the state before the last tap here), for the local view until the server answers
  const [undoTarget, setUndoTarget] = useState<{ attendance: ViewAppointment["attendance"]; arrivedAt: string | null } | undefined>(undefined);

  async function record(attendance: AttendanceValue, arrivalTime = "") {
    await write(
      "attendance.record",
      { appointmentId: appt.id, attendance, arrivalTime, version: appt.version },
      { label: `${t("group", { name: patientName })}: ${label(attendance)}`, appointmentId: appt.id, before: { attendance: appt.attendance, arrivedAt: appt.arrivedAt } },
    );
    setUndoTarget({ attendance: appt.attendance, arrivedAt: appt.arrivedAt });
    setUndoVersion(appt.version + 1);
    setLateOpen(false);
    setMessage(t("marked", { label: lower(label(attendance)) }));
  }

  async function undo() {
    await write("attendance.undo", { appointmentId: appt.id, version: appt.version }, {
      label: `${t("group", { name: patientName })}: ${t("undo")}`,
      appointmentId: appt.id,
      before: undoTarget,
    });
    setUndoVersion(null);
    setMessage(t("undone", { label: undoTarget?.attendance ? lower(label(undoTarget.attendance)) : t("notRecorded") }));
  }

  return (
    <div className="space-y-3">
      <div role="group" aria-label={t("group", { name: patientName })} className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {ATTENDANCE_VALUES.map((v, i) => (
          <Button
            key={v}
            id={i === 0 ? firstId : undefined}
            type="button"
            size="lg"
            variant={appt.attendance === v ? "primary" : "secondary"}
            aria-pressed={appt.attendance === v}
            disabled={disabled}
            className="w-full"
            onClick={() => {
              if (v === "late") {
                setArrival(clinicTime(new Date(), tz));
                setLateOpen(true);
              } else void record(v);
            }}
          >
            {label(v)}
          </Button>
        ))}
      </div>
      {lateOpen ? (
        <form
          className="flex flex-wrap items-end gap-3 rounded-lg bg-muted p-3"
          onSubmit={(e) => {
            e.preventDefault();
            void record("late", arrival);
          }}
        >
          <div className="space-y-1">
            <Label htmlFor={`arrival-${appt.id}`}>{t("arrival")}</Label>
            <Input id={`arrival-${appt.id}`} type="time" value={arrival} onChange={(e) => setArrival(e.target.value)} className="w-40" />
          </div>
          <Button type="submit">{t("saveLate")}</Button>
          <Button type="button" variant="ghost" onClick={() => setLateOpen(false)}>
            {t("cancel")}
          </Button>
        </form>
      ) : null}
      <div className="flex flex-wrap items-center gap-3" aria-live="polite">
        {appt.arrivedAt && (appt.attendance === "present" || appt.attendance === "late") ? (
          <span className="text-muted-foreground">{t("arrived", { time: formatClinicTime(new Date(appt.arrivedAt), tz, locale) })}</span>
        ) : null}
        {appt.pendingAttendance === "waiting" ? <Badge tone="warning">{today("waitingToSend")}</Badge> : null}
        {message ? <span className="text-success">{message}</span> : null}
        {undoVersion !== null && undoVersion === appt.version ? (
          <Button type="button" variant="secondary" onClick={() => void undo()}>
            <Undo2 aria-hidden className="h-5 w-5" />
            {t("undo")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
