import type { Metadata } from "next";
import Link from "next/link";
import { TodayAppointmentCard } from "@/components/today/today-appointment";
import { requirePermission } from "@/lib/auth/session";
import { listRoomsForDay } from "@/lib/rooms/queries";
import { clinicToday, formatClinicDate, formatClinicDateTime } from "@/lib/time";
import { listReturnedEntries, listTodayAppointments } from "@/lib/today/queries";
import { raiseConcernAction } from "../concerns/actions";
import { recordAttendanceAction, undoAttendanceAction } from "./actions";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const actor = await requirePermission("today:view", "/today");
  const tz = actor.clinic.timeZone;
  // one stage of queries; the rooms domain decides "not ready 15 minutes before" and out-of-service equipment
  const [{ appointments }, returned, roomRows] = await Promise.all([
    listTodayAppointments(actor),
    listReturnedEntries(actor),
    listRoomsForDay(actor, clinicToday(tz)),
  ]);
  const rooms = new Map(roomRows.map((r) => [r.id, r]));
  const returnedEarlier = returned.filter((r) => !appointments.some((a) => a.id === r.appointmentId));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Today</h1>
        <p className="text-lg text-muted-foreground">{formatClinicDate(new Date(), tz)}</p>
      </div>
      {returnedEarlier.length ? (
        <section aria-labelledby="returned-title" className="space-y-3 rounded-lg border-2 border-danger bg-danger-soft p-4">
          <h2 id="returned-title" className="text-xl font-semibold text-danger">
            Returned to you for changes
          </h2>
          <ul className="space-y-3">
            {returnedEarlier.map((r) => (
              <li key={r.appointmentId} className="rounded-lg bg-surface p-3">
                <Link href={`/sessions/${r.appointmentId}`} className="flex min-h-11 flex-col justify-center font-semibold text-primary underline">
                  {r.patientName}, {formatClinicDateTime(r.startsAt, tz)}
                </Link>
                <p>
                  <span className="font-semibold">{r.therapist}: </span>
                  {r.returnComment || "No comment given."}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="schedule-title" className="space-y-4">
        <h2 id="schedule-title" className="sr-only">
          My appointments today
        </h2>
        {appointments.length === 0 ? (
          <p className="text-lg text-muted-foreground">No appointments are booked for you today.</p>
        ) : (
          <ol className="space-y-4">
            {appointments.map((a) => (
              <li key={a.id}>
                <TodayAppointmentCard
                  appt={a}
                  timeZone={tz}
                  roomAlert={{ notReadySoon: rooms.get(a.roomId)?.flaggedNotReady ?? false, outOfService: rooms.get(a.roomId)?.outOfService ?? [] }}
                  onRaiseConcern={raiseConcernAction}
                  attendanceActions={{ onRecord: recordAttendanceAction, onUndo: undoAttendanceAction }} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
