import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { clinicDate, formatClinicTimeRange } from "@/lib/time";

/** An appointment as the schedule shows it: times, people and room (no clinical content). */
export type ScheduleEntry = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  seriesId: string | null;
  attendance: string | null;
  patientName: string;
  therapistId: string;
  therapistName: string;
  assistantId: string | null;
  assistantName: string | null;
  roomId: string;
  roomName: string;
};

export type DayHeading = { date: string; label: string; isToday: boolean };

function Chip({ a, tz, show }: { a: ScheduleEntry; tz: string; show: "room" | "staff" }) {
  const locale = useLocale();
  return (
    <Link
      href={`/schedule/appointments/${a.id}`}
      className="block min-h-11 rounded-md border border-border bg-info-soft px-2 py-1 text-sm leading-snug hover:border-primary focus-visible:outline-2"
    >
      <span className="font-semibold">{formatClinicTimeRange(a.startsAt, a.endsAt, tz, locale)}</span>{" "}
      <span className="block">{a.patientName}</span>
      <span className="block text-muted-foreground">
        {show === "room" ? a.roomName : [a.therapistName, a.assistantName].filter(Boolean).join(" + ")}
      </span>
    </Link>
  );
}

/**
 * A week as a grid: one row per room or staff member, one column per day. Scrolls inside its own box
 * when narrow; pages show it from 1024 px and the agenda below that.
 */
export function WeekGrid({
  days,
  rows,
  entries,
  tz,
  by,
}: {
  days: DayHeading[];
  rows: { id: string; name: string }[];
  entries: ScheduleEntry[];
  tz: string;
  by: "room" | "staff";
}) {
  const t = useTranslations("schedule");
  const cell = new Map<string, ScheduleEntry[]>();
  for (const a of entries) {
    const d = clinicDate(a.startsAt, tz);
    const keys = by === "room" ? [a.roomId] : [a.therapistId, ...(a.assistantId ? [a.assistantId] : [])];
    for (const k of keys) {
      const key = `${k}|${d}`;
      cell.set(key, [...(cell.get(key) ?? []), a]);
    }
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface" role="region" aria-label={by === "room" ? t("byRoom") : t("byStaff")} tabIndex={0}>
      <table className="w-full min-w-[900px] table-fixed border-collapse text-left">
        <caption className="sr-only">{by === "room" ? t("captionRoom") : t("captionStaff")}</caption>
        <thead>
          <tr className="bg-muted">
            <th scope="col" className="w-32 p-2">
              {by === "room" ? t("room") : t("staff")}
            </th>
            {days.map((d) => (
              <th key={d.date} scope="col" className={`p-2 ${d.isToday ? "text-primary" : ""}`}>
                <Link href={`/schedule?view=day&day=${d.date}`} className="inline-flex min-h-11 items-center underline-offset-2 hover:underline">
                  {d.label}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-border align-top">
              <th scope="row" className="p-2 font-semibold">
                {r.name}
              </th>
              {days.map((d) => (
                <td key={d.date} className="space-y-1 p-1">
                  {(cell.get(`${r.id}|${d.date}`) ?? []).map((a) => (
                    <Chip key={a.id} a={a} tz={tz} show={by === "room" ? "staff" : "room"} />
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Appointments listed day by day: the schedule on a portrait tablet, and the day view everywhere. */
export function Agenda({ days, entries, tz, empty }: { days: DayHeading[]; entries: ScheduleEntry[]; tz: string; empty: string }) {
  const t = useTranslations("schedule");
  const locale = useLocale();
  return (
    <div className="space-y-5">
      {days.map((d) => {
        const list = entries.filter((a) => clinicDate(a.startsAt, tz) === d.date);
        return (
          <section key={d.date} aria-label={d.label} className="space-y-2">
            <h2 className={`text-xl font-semibold ${d.isToday ? "text-primary" : ""}`}>{d.label}</h2>
            {list.length === 0 ? (
              <p className="text-muted-foreground">{empty}</p>
            ) : (
              <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
                {list.map((a) => (
                  <li key={a.id}>
                    <Link href={`/schedule/appointments/${a.id}`} className="flex min-h-14 flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 hover:bg-muted">
                      <span className="w-40 font-semibold tabular-nums">{formatClinicTimeRange(a.startsAt, a.endsAt, tz, locale)}</span>
                      <span className="min-w-40 flex-1 font-semibold">{a.patientName}</span>
                      <span>{a.roomName}</span>
                      <span className="text-muted-foreground">{[a.therapistName, a.assistantName].filter(Boolean).join(" + ")}</span>
                      {a.seriesId ? <Badge tone="info">{t("series")}</Badge> : null}
                      {a.attendance ? <Badge>{t.has(`attendance.${a.attendance}` as "attendance.present") ? t(`attendance.${a.attendance}` as "attendance.present") : a.attendance}</Badge> : null}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
