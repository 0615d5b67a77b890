import type { Metadata } from "next";
import { BookingForm } from "@/components/schedule/booking-form";
import { requirePermission } from "@/lib/auth/session";
import { scheduleOptions } from "@/lib/schedule/queries";
import { clinicToday, isoWeekday } from "@/lib/time";
import { bookAppointment, bookSeries } from "../actions";

export const metadata: Metadata = { title: "New booking" };

export default async function NewBookingPage() {
  const actor = await requirePermission("schedule:manage", "/schedule/new");
  const options = await scheduleOptions(actor);
  const today = clinicToday(actor.clinic.timeZone);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-3xl font-bold">New booking</h1>
        <p className="text-muted-foreground">Dates and times are in the clinic&apos;s time zone ({actor.clinic.timeZone}).</p>
      </div>
      <BookingForm options={options} today={today} todayWeekday={isoWeekday(today)} onSingle={bookAppointment} onSeries={bookSeries} />
    </div>
  );
}
