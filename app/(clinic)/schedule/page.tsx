import type { Metadata } from "next";
import Link from "next/link";
import { Agenda, WeekGrid, type DayHeading } from "@/components/schedule/schedule-views";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { requirePermission } from "@/lib/auth/session";
import { listAppointments, scheduleStaffAndRooms } from "@/lib/schedule/queries";
import { addDays, clinicDayRange, dateFormat, clinicToday, weekStart, zonedToUtc } from "@/lib/time";
import { dayParam, type SearchParams } from "@/lib/validation";

export const metadata: Metadata = { title: "Schedule" };


function heading(date: string, tz: string, today: string, long = false): DayHeading {
  const at = zonedToUtc(date, "12:00", tz);
  const label = dateFormat("en-US", { timeZone: tz, weekday: long ? "long" : "short", month: "short", day: "numeric" }).format(at);
  return { date, label, isToday: date === today };
}

export default async function SchedulePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("schedule:view", "/schedule");
  const sp = await searchParams;
  const tz = actor.clinic.timeZone;
  const today = clinicToday(tz);
  const view = sp.view === "staff" || sp.view === "day" ? sp.view : "room";
  const options = await scheduleStaffAndRooms(actor);

  if (view === "day") {
    const day = dayParam(sp.day) ?? today;
    const staff = [...options.therapists, ...options.assistants].find((s) => s.id === sp.staff);
    const { start, end } = clinicDayRange(day, tz);
    const all = await listAppointments(actor, { from: start, to: end });
    const entries = staff ? all.filter((a) => a.therapistId === staff.id || a.assistantId === staff.id) : all;
    return (
      <div className="space-y-5">
        <ScheduleHeader view="day" />
        <nav aria-label="Days" className="flex flex-wrap items-center gap-2">
          <Button asChild variant="secondary">
            <Link href={`/schedule?view=day&day=${addDays(day, -1)}${staff ? `&staff=${staff.id}` : ""}`}>Previous day</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/schedule?view=day&day=${today}${staff ? `&staff=${staff.id}` : ""}`}>Today</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/schedule?view=day&day=${addDays(day, 1)}${staff ? `&staff=${staff.id}` : ""}`}>Next day</Link>
          </Button>
          <Button asChild variant="ghost">
            <Link href={`/schedule?week=${day}`}>Week of this day</Link>
          </Button>
        </nav>
        <form method="get" action="/schedule" className="flex flex-wrap items-end gap-3" aria-label="Filter the day">
          <input type="hidden" name="view" value="day" />
          <input type="hidden" name="day" value={day} />
          <div className="min-w-64 space-y-1">
            <Label htmlFor="staff">Staff member</Label>
            <Select id="staff" name="staff" defaultValue={staff?.id ?? ""}>
              <option value="">Everyone</option>
              {[...options.therapists, ...options.assistants].map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
        <Agenda days={[heading(day, tz, today, true)]} entries={entries} tz={tz} empty={staff ? `Nothing booked for ${staff.name} on this day.` : "Nothing booked on this day."} />
      </div>
    );
  }

  const monday = weekStart(dayParam(sp.week) ?? today);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const days = dates.map((d) => heading(d, tz, today));
  const entries = await listAppointments(actor, { from: clinicDayRange(monday, tz).start, to: clinicDayRange(dates[6]!, tz).end });
  const rows = view === "room" ? options.rooms : [...options.therapists, ...options.assistants];
  const q = (week: string) => `/schedule?view=${view}&week=${week}`;
  return (
    <div className="space-y-5">
      <ScheduleHeader view={view} />
      <nav aria-label="Weeks" className="flex flex-wrap items-center gap-2">
        <Button asChild variant="secondary">
          <Link href={q(addDays(monday, -7))}>Previous week</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href={q(today)}>This week</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href={q(addDays(monday, 7))}>Next week</Link>
        </Button>
        <p className="text-lg font-semibold">
          Week of {days[0]!.label} · times in {tz}
        </p>
      </nav>
      <div className="hidden lg:block">
        <WeekGrid days={days} rows={rows} entries={entries} tz={tz} by={view} />
      </div>
      <div className="lg:hidden">
        <Agenda days={days} entries={entries} tz={tz} empty="Nothing booked." />
      </div>
    </div>
  );
}

function ScheduleHeader({ view }: { view: "room" | "staff" | "day" }) {
  const tabs = [
    { v: "room", label: "Week by room", href: "/schedule?view=room" },
    { v: "staff", label: "Week by staff", href: "/schedule?view=staff" },
    { v: "day", label: "Day", href: "/schedule?view=day" },
  ] as const;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-3xl font-bold">Schedule</h1>
      <nav aria-label="Schedule views" className="flex flex-wrap gap-2">
        {tabs.map((t) => (
          <Button key={t.v} asChild variant={view === t.v ? "primary" : "secondary"}>
            <Link href={t.href} aria-current={view === t.v ? "page" : undefined}>
              {t.label}
            </Link>
          </Button>
        ))}
        <Button asChild variant="primary">
          <Link href="/schedule/new">New booking</Link>
        </Button>
      </nav>
    </div>
  );
}
