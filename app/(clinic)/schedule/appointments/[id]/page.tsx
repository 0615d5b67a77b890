import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AppointmentEditForm } from "@/components/schedule/appointment-edit-form";
import { CancelForm } from "@/components/schedule/cancel-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getAppointment, scheduleOptions } from "@/lib/schedule/queries";
import { clinicDate, clinicTime, formatClinicDate, formatClinicTimeRange } from "@/lib/time";
import { cancelBooking, editAppointment } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schedule"))("appointment") };
}

export default async function AppointmentPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("schedule:view", "/schedule/appointments/[id]");
  const { id } = await params;
  const [a, options] = await Promise.all([orNotFound(getAppointment(actor, id)), scheduleOptions(actor)]);
  const tz = actor.clinic.timeZone;
  const date = clinicDate(a.startsAt, tz);
  const editable = a.status === "scheduled" && !a.attendance;
  const [t, locale] = await Promise.all([getTranslations("schedule"), getLocale()]);
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <Link href={`/schedule?view=day&day=${date}`} className="inline-flex min-h-11 items-center underline">
          {t("backToDay")}
        </Link>
        <h1 className="text-3xl font-bold">{a.patientName}</h1>
        <p className="text-lg">
          {formatClinicDate(a.startsAt, tz, locale)}, {formatClinicTimeRange(a.startsAt, a.endsAt, tz, locale)} · {a.roomName} · {a.therapistName}
          {a.assistantName ? ` ${t("withAssistant", { name: a.assistantName })}` : ""}
          {a.seriesId ? ` · ${t("partOfSeries")}` : ""}
        </p>
      </div>
      {a.status === "cancelled" ? <Alert tone="warning">{t("cancelledNote")}</Alert> : null}
      {a.attendance ? <Alert tone="info">{t("attendanceLocked")}</Alert> : null}
      {editable ? (
        <ClientMessages part="schedule">
          <Card>
            <CardTitle>{t("editTitle")}</CardTitle>
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
            <CardTitle>{t("cancelTitle")}</CardTitle>
            <div className="mt-4">
              <CancelForm key={a.version} inSeries={!!a.seriesId} onSubmit={cancelBooking} defaultValues={{ appointmentId: a.id, version: String(a.version) }} />
            </div>
          </Card>
        </ClientMessages>
      ) : null}
    </div>
  );
}
