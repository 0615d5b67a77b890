import type { Metadata } from "next";
import Link from "next/link";
import { OverdueSignoff } from "@/components/review/overdue-signoff";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { recentAuditEvents } from "@/lib/audit-log/queries";
import { requirePermission } from "@/lib/auth/session";
import { overdueSignoffs } from "@/lib/observations/review-queries";
import { listAppointments } from "@/lib/schedule/queries";
import { getLocale, getTranslations } from "next-intl/server";
import { clinicDayRange, clinicToday, formatClinicDateTime } from "@/lib/time";
import { listUsers } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const actor = await requirePermission("admin:view", "/admin");
  const tz = actor.clinic.timeZone;
  const day = clinicDayRange(clinicToday(tz), tz);
  const [staff, events, today, overdue] = await Promise.all([
    listUsers(actor),
    recentAuditEvents(actor, 25),
    listAppointments(actor, { from: day.start, to: day.end }),
    overdueSignoffs(actor),
  ]);
  const recorded = today.filter((a) => a.attendance).length;
  const [t, roles, locale] = await Promise.all([getTranslations("admin"), getTranslations("roles"), getLocale()]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{actor.clinic.name}</h1>
      <Card>
        <CardTitle>{t("today")}</CardTitle>
        <p className="mt-2 text-lg">
          {t("todaySummary", { count: today.length, recorded })}
        </p>
        <p className="mt-3 flex flex-wrap gap-4">
          <Link className="inline-flex min-h-11 items-center font-semibold underline" href="/schedule?view=day">
            {t("todaysSchedule")}
          </Link>
          <Link className="inline-flex min-h-11 items-center font-semibold underline" href="/schedule/new">
            {t("newBooking")}
          </Link>
          <Link className="inline-flex min-h-11 items-center font-semibold underline" href="/admin/attendance">
            {t("attendanceOverview")}
          </Link>
        </p>
      </Card>
      <OverdueSignoff items={overdue} timeZone={tz} />
      <Card>
        <CardTitle>{t("staff")}</CardTitle>
        <div className="mt-3 overflow-x-auto" role="region" aria-label={t("staffCaption")} tabIndex={0}>
          <table className="w-full text-left">
            <caption className="sr-only">{t("staffCaption")}</caption>
            <thead className="text-muted-foreground">
              <tr>
                <th scope="col" className="py-2 pr-4">{t("name")}</th>
                <th scope="col" className="py-2 pr-4">{t("role")}</th>
                <th scope="col" className="py-2 pr-4">{t("email")}</th>
                <th scope="col" className="py-2 pr-4">{t("status")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {staff.map((u) => (
                <tr key={u.id}>
                  <td className="py-3 pr-4 font-semibold">
                    {u.name}
                    {u.title ? <span className="block text-sm font-normal text-muted-foreground">{u.title}</span> : null}
                  </td>
                  <td className="py-3 pr-4">{roles(u.role)}</td>
                  <td className="py-3 pr-4 break-all">{u.email}</td>
                  <td className="py-3 pr-4">{u.active ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("deactivated")}</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card>
        <CardTitle>{t("recent")}</CardTitle>
        <div className="mt-3 overflow-x-auto" role="region" aria-label={t("recentCaption")} tabIndex={0}>
          <table className="w-full text-left">
            <caption className="sr-only">{t("recentCaption")}</caption>
            <thead className="text-muted-foreground">
              <tr>
                <th scope="col" className="py-2 pr-4">{t("when", { zone: tz })}</th>
                <th scope="col" className="py-2 pr-4">{t("who")}</th>
                <th scope="col" className="py-2 pr-4">{t("action")}</th>
                <th scope="col" className="py-2 pr-4">{t("fromAddress")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="py-2 pr-4 whitespace-nowrap">{formatClinicDateTime(e.at, tz, locale)}</td>
                  <td className="py-2 pr-4">{e.actorName ?? "—"}</td>
                  <td className="py-2 pr-4 font-mono text-sm">{e.action}</td>
                  <td className="py-2 pr-4 font-mono text-sm">{e.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
