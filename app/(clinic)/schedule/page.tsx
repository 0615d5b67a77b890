import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Agenda, WeekGrid, type DayHeading } from "@/components/schedule/schedule-views";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { requirePermission } from "@/lib/auth/session";
import { listAppointments, scheduleStaffAndRooms } from "@/lib/schedule/queries";
import { addDays, clinicDayRange, clinicToday, formatDay, weekStart } from "@/lib/time";
import { dayParam, type SearchParams } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("schedule"))("title") };
}

function heading(date: string, today: string, locale: string, long = false): DayHeading {
  return { date, label: formatDay(date, locale, long ? "weekday" : "short"), isToday: date === today };
}

export default async function SchedulePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("schedule:view", "/schedule");
  const sp = await searchParams;
  const tz = actor.clinic.timeZone;
  const today = clinicToday(tz);
  const view = sp.view === "staff" || sp.view === "day" ? sp.view : "room";
  const [options, t, common, locale] = await Promise.all([scheduleStaffAndRooms(actor), getTranslations("schedule"), getTranslations("common"), getLocale()]);

  if (view === "day") {
    const day = dayParam(sp.day) ?? today;
    const staff = [...options.therapists, ...options.assistants].find((s) => s.id === sp.staff);
    const { start, end } = clinicDayRange(day, tz);
    const all = await listAppointments(actor, { from: start, to: end });
    const entries = staff ? all.filter((a) => a.therapistId === staff.id || a.assistantId === staff.id) : all;
    return (
      <div className="space-y-5">
        <ScheduleHeader view="day" />
        <nav aria-label={t("daysNav")} className="flex flex-wrap items-center gap-2">
          <Button asChild variant="secondary">
            <Link href={`/schedule?view=day&day=${addDays(day, -1)}${staff ? `&staff=${staff.id}` : ""}`}>{t("previousDay")}</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/schedule?view=day&day=${today}${staff ? `&staff=${staff.id}` : ""}`}>{t("today")}</Link>
          </Button>
          <Button asChild variant="secondary">
            <Link href={`/schedule?view=day&day=${addDays(day, 1)}${staff ? `&staff=${staff.id}` : ""}`}>{t("nextDay")}</Link>
          </Button>
          <Button asChild variant="ghost">
            <Link href={`/schedule?week=${day}`}>{t("weekOfDay")}</Link>
          </Button>
        </nav>
        <form method="get" action="/schedule" className="flex flex-wrap items-end gap-3" aria-label={t("filterDay")}>
          <input type="hidden" name="view" value="day" />
          <input type="hidden" name="day" value={day} />
          <div className="min-w-64 space-y-1">
            <Label htmlFor="staff">{t("staffMember")}</Label>
            <Select id="staff" name="staff" defaultValue={staff?.id ?? ""}>
              <option value="">{t("everyone")}</option>
              {[...options.therapists, ...options.assistants].map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="secondary">
            {common("show")}
          </Button>
        </form>
        <Agenda days={[heading(day, today, locale, true)]} entries={entries} tz={tz} empty={staff ? t("nothingFor", { name: staff.name }) : t("nothingDay")} />
      </div>
    );
  }

  const monday = weekStart(dayParam(sp.week) ?? today);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const days = dates.map((d) => heading(d, today, locale));
  const entries = await listAppointments(actor, { from: clinicDayRange(monday, tz).start, to: clinicDayRange(dates[6]!, tz).end });
  const rows = view === "room" ? options.rooms : [...options.therapists, ...options.assistants];
  const q = (week: string) => `/schedule?view=${view}&week=${week}`;
  return (
    <div className="space-y-5">
      <ScheduleHeader view={view} />
      <nav aria-label={t("weeksNav")} className="flex flex-wrap items-center gap-2">
        <Button asChild variant="secondary">
          <Link href={q(addDays(monday, -7))}>{t("previousWeek")}</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href={q(today)}>{t("thisWeek")}</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href={q(addDays(monday, 7))}>{t("nextWeek")}</Link>
        </Button>
        <p className="text-lg font-semibold">{t("weekOf", { day: days[0]!.label, timeZone: tz })}</p>
      </nav>
      <div className="hidden lg:block">
        <WeekGrid days={days} rows={rows} entries={entries} tz={tz} by={view} />
      </div>
      <div className="lg:hidden">
        <Agenda days={days} entries={entries} tz={tz} empty={t("nothing")} />
      </div>
    </div>
  );
}

async function ScheduleHeader({ view }: { view: "room" | "staff" | "day" }) {
  const t = await getTranslations("schedule");
  const tabs = [
    { v: "room", label: t("byRoom"), href: "/schedule?view=room" },
    { v: "staff", label: t("byStaff"), href: "/schedule?view=staff" },
    { v: "day", label: t("day"), href: "/schedule?view=day" },
  ] as const;
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <nav aria-label={t("views")} className="flex flex-wrap gap-2">
        {tabs.map((tab) => (
          <Button key={tab.v} asChild variant={view === tab.v ? "primary" : "secondary"}>
            <Link href={tab.href} aria-current={view === tab.v ? "page" : undefined}>
              {tab.label}
            </Link>
          </Button>
        ))}
        <Button asChild variant="primary">
          <Link href="/schedule/new">{t("newBooking")}</Link>
        </Button>
      </nav>
    </div>
  );
}
