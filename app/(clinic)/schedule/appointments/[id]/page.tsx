import type { Metadata } from "next";
import Link from "next/link";
import { AppointmentEditForm } from "@/components/schedule/appointment-edit-form";
import { CancelForm } from "@/components/schedule/cancel-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getAppointment, scheduleOptions } from "@/lib/schedule/queries";
import { clinicDate, clinicTime, formatClinicDate } from "@/lib/time";
import { cancelBooking, editAppointment } from "../../actions";

export const metadata: Metadata = { title: "Appointment" };

export default async function AppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("schedule:view", "/schedule/appointments/[id]");
  const { id } = await params;
  const [a, options] = await Promise.all([orNotFound(getAppointment(actor, id)), scheduleOptions(actor)]);
  const tz = actor.clinic.timeZone;
  const date = clinicDate(a.startsAt, tz);
  const editable = a.status === "scheduled" && !a.attendance;
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <Link href={`/schedule?view=day&day=${date}`} className="underline">
          Back to the day
        </Link>
        <h1 className="text-3xl font-bold">{a.patientName}</h1>
        <p className="text-lg">
          {formatClinicDate(a.startsAt, tz)}, {clinicTime(a.startsAt, tz)}–{clinicTime(a.endsAt, tz)} · {a.roomName} · {a.therapistName}
          {a.assistantName ? ` with ${a.assistantName}` : ""}
          {a.seriesId ? " · part of a weekly series" : ""}
        </p>
      </div>
      {a.status === "cancelled" ? <Alert tone="warning">This appointment was cancelled; its slot is free.</Alert> : null}
      {a.attendance ? <Alert tone="info">Attendance has been recorded, so this appointment can no longer be changed.</Alert> : null}
      {editable ? (
        <>
          <Card>
            <CardTitle>Edit or move</CardTitle>
            <div className="mt-4">
              <AppointmentEditForm
                inSeries={!!a.seriesId}
                options={{ therapists: options.therapists, assistants: options.assistants, rooms: options.rooms }}
                onSubmit={editAppointment}
                defaultValues={{
                  appointmentId: a.id,
                  version: String(a.version),
                  scope: "one",
                  therapistId: a.therapistId,
                  assistantId: a.assistantId ?? "",
                  roomId: a.roomId,
                  date,
                  startTime: clinicTime(a.startsAt, tz),
                  durationMinutes: String(Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000)),
                }}
              />
            </div>
          </Card>
          <Card>
            <CardTitle>Cancel</CardTitle>
            <div className="mt-4">
              <CancelForm key={a.version} inSeries={!!a.seriesId} onSubmit={cancelBooking} defaultValues={{ appointmentId: a.id, version: String(a.version) }} />
            </div>
          </Card>
        </>
      ) : null}
    </div>
  );
}
