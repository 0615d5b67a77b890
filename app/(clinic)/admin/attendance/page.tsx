import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { attendanceOverview, type AttendanceCounts } from "@/lib/attendance-overview/queries";
import { requirePermission } from "@/lib/auth/session";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { clinicToday, formatDay, formatNumber, formatPercent } from "@/lib/time";
import { periodParams, type SearchParams } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("attendanceOverview"))("title") };
}

const share = (part: number, whole: number, locale: string) => (whole ? formatPercent(part / whole, locale) : "—");

function Rates({ c }: { c: AttendanceCounts }) {
  const locale = useLocale();
  const rate = (part: number, whole: number) => share(part, whole, locale);
  return (
    <>
      <td className="p-2 tabular-nums">{formatNumber(c.total, locale)}</td>
      <td className="p-2 tabular-nums">{rate(c.present, c.total)}</td>
      <td className="p-2 tabular-nums">{rate(c.late, c.total)}</td>
      <td className="p-2 tabular-nums">{rate(c.noShow, c.total)}</td>
      <td className="p-2 tabular-nums">{rate(c.cancelled, c.total)}</td>
      <td className="p-2 tabular-nums">{formatNumber(c.unrecorded, locale)}</td>
    </>
  );
}

function Head({ first }: { first: string }) {
  const t = useTranslations("attendanceOverview");
  return (
    <thead className="bg-muted">
      <tr>
        {[first, t("appointments"), t("present"), t("late"), t("noShow"), t("cancelled"), t("notRecorded")].map((h) => (
          <th key={h} scope="col" className="p-2">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export default async function AttendancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("schedule:view", "/admin/attendance");
  const sp = await searchParams;
  const { from, to } = periodParams(clinicToday(actor.clinic.timeZone), sp.from, sp.to, 28);
  const o = await attendanceOverview(actor, { from, to });
  const [t, common, locale] = await Promise.all([getTranslations("attendanceOverview"), getTranslations("common"), getLocale()]);
  const rate = (part: number, whole: number) => share(part, whole, locale);
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("period")}>
        <div className="space-y-1">
          <Label htmlFor="from">{common("from")}</Label>
          <Input id="from" name="from" type="date" defaultValue={from} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="to">{common("to")}</Label>
          <Input id="to" name="to" type="date" defaultValue={to} />
        </div>
        <Button type="submit" variant="secondary">
          {common("show")}
        </Button>
      </form>
      <p className="text-lg">
        {t("summary", {
          count: o.totals.total,
          present: rate(o.totals.present, o.totals.total),
          late: rate(o.totals.late, o.totals.total),
          noShow: rate(o.totals.noShow, o.totals.total),
          cancelled: rate(o.totals.cancelled, o.totals.total),
        })}
      </p>
      <Card>
        <CardTitle>{t("byPatient")}</CardTitle>
        <div className="mt-3 overflow-x-auto" role="region" aria-label={t("byPatientLabel")} tabIndex={0}>
          <table className="w-full text-left">
            <caption className="sr-only">{t("byPatientCaption")}</caption>
            <Head first={t("patient")} />
            <tbody className="divide-y divide-border">
              {o.byPatient.map((p) => (
                <tr key={p.patientId}>
                  <th scope="row" className="p-2 text-left font-semibold">
                    {p.name} <span className="font-mono text-sm font-normal">{p.mrn}</span>
                  </th>
                  <Rates c={p} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card>
        <CardTitle>{t("byDay")}</CardTitle>
        <div className="mt-3 overflow-x-auto" role="region" aria-label={t("byDayLabel")} tabIndex={0}>
          <table className="w-full text-left">
            <caption className="sr-only">{t("byDayCaption")}</caption>
            <Head first={t("day")} />
            <tbody className="divide-y divide-border">
              {o.byDay.map((d) => (
                <tr key={d.date}>
                  <th scope="row" className="p-2 text-left font-semibold tabular-nums">
                    {formatDay(d.date, locale, "short")}
                  </th>
                  <Rates c={d} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
