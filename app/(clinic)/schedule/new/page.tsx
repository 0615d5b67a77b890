import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { BookingForm } from "@/components/schedule/booking-form";
import { requirePermission } from "@/lib/auth/session";
import { scheduleOptions } from "@/lib/schedule/queries";
import { clinicToday, isoWeekday } from "@/lib/time";
import { bookAppointment, bookSeries } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schedule"))("newBooking") };
}

export default async function NewBookingPage() {
  const actor = await requirePermission("schedule:manage", "/schedule/new");
  const options = await scheduleOptions(actor);
  const today = clinicToday(actor.clinic.timeZone);
  const t = await getTranslations("schedule");
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{t("newBooking")}</h1>
        <p className="text-muted-foreground">{t("zoneNote", { timeZone: actor.clinic.timeZone })}</p>
      </div>
      <ClientMessages part="schedule">
        <BookingForm options={options} today={today} todayWeekday={isoWeekday(today)} onSingle={bookAppointment} onSeries={bookSeries} />
      </ClientMessages>
    </div>
  );
}
