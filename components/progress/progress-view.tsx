import { useLocale, useTranslations } from "next-intl";
import { Amendments, Signatures, useEntryLabels } from "@/components/review/entry-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { PatientProgress } from "@/lib/progress/queries";
import { formatClinicDateTime, formatDay, formatNumber, formatPercent } from "@/lib/time";
import { AttendanceChart, AttitudeChart, GoalChart } from "./charts";


export function RangeFilter({ from, to, action }: { from: string; to: string; action: string }) {
  const t = useTranslations("progress");
  const common = useTranslations("common");
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t("range")}>
      <div>
        <label htmlFor="from" className="block font-semibold">
          {common("from")}
        </label>
        <Input id="from" name="from" type="date" defaultValue={from} />
      </div>
      <div>
        <label htmlFor="to" className="block font-semibold">
          {common("to")}
        </label>
        <Input id="to" name="to" type="date" defaultValue={to} />
      </div>
      <Button type="submit" variant="secondary">
        {common("show")}
      </Button>
    </form>
  );
}

export function ProgressView({ progress, timeZone }: { progress: PatientProgress; timeZone: string }) {
  const { figures, history, entries } = progress;
  const a = figures.attendance;
  const t = useTranslations("progress");
  const goalStatus = useTranslations("goalStatus");
  const attendanceT = useTranslations("attendance");
  const locale = useLocale();
  const { assistLabel, taskLabel } = useEntryLabels();
  const num = (n: number | null) => (n === null ? "—" : formatNumber(n, locale));
  return (
    <div className="space-y-6">
      {progress.delegated ? (
        <Card>
          <CardTitle>{t("delegated")}</CardTitle>
          <ul className="mt-2 space-y-2">
            {progress.delegated.filter((d) => d.status === "active").map((d) => (
              <li key={d.taskType + d.instructions}>
                <span className="font-semibold">{taskLabel(d.taskType)}</span>
                <span className="block text-muted-foreground">{d.instructions}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <section aria-labelledby="goals-title" className="space-y-3">
        <h2 id="goals-title" className="text-2xl font-semibold">
          {t("goals")}
        </h2>
        {progress.goals.map((g) => {
          const series = figures.goals.find((s) => s.goalId === g.id);
          return (
            <Card key={g.id} aria-label={t("goalLabel", { goal: g.description })}>
              <CardTitle className="text-lg">{g.description}</CardTitle>
              <p className="text-muted-foreground">
                {t("baselineTarget", { baseline: num(g.baseline), target: num(g.target), unit: g.unit })}
                {g.targetDate ? ` ${t("byDate", { date: formatDay(g.targetDate, locale) })}` : ""} · {goalStatus(g.status)}
              </p>
              {series?.points.length ? (
                <>
                  <div className="mt-2" role="img" aria-label={t("chartLabel", { goal: g.description, first: num(series.first), last: num(series.last), unit: g.unit })}>
                    <GoalChart goal={series} />
                  </div>
                  <details className="mt-2">
                    <summary className="min-h-11 cursor-pointer py-2 font-semibold">{t("showValues")}</summary>
                    <table className="w-full text-left">
                      <thead>
                        <tr>
                          <th scope="col">{t("date")}</th>
                          <th scope="col">{t("value", { unit: g.unit })}</th>
                          <th scope="col">{t("assistLevel")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {series.points.map((p) => (
                          <tr key={p.date}>
                            <td>{formatDay(p.date, locale)}</td>
                            <td>{num(p.value)}</td>
                            <td>{assistLabel(p.assistLevel)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </>
              ) : (
                <p className="mt-2 text-muted-foreground">{t("noMeasurements")}</p>
              )}
            </Card>
          );
        })}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="attendance-title">
          <CardTitle id="attendance-title">{a.rate !== null ? t("attendanceRate", { rate: formatPercent(a.rate / 100, locale) }) : t("attendance")}</CardTitle>
          <p className="text-muted-foreground">
            {t("attendanceCounts", { present: a.present, late: a.late, noShow: a.no_show, cancelled: a.cancelled })}
          </p>
          <div role="img" aria-label={t("attendanceChart", { present: a.present, late: a.late, noShow: a.no_show, cancelled: a.cancelled })}>
            <AttendanceChart counts={a} />
          </div>
        </Card>
        <Card aria-labelledby="attitude-title">
          <CardTitle id="attitude-title">{figures.attitude.trend ? t("attitudeTrend", { trend: t(`trend.${figures.attitude.trend}`) }) : t("attitude")}</CardTitle>
          <p className="text-muted-foreground">{t("average", { average: num(figures.attitude.average) })}</p>
          {figures.attitude.points.length ? (
            <div role="img" aria-label={t("attitudeChart", { average: num(figures.attitude.average) })}>
              <AttitudeChart points={figures.attitude.points} />
            </div>
          ) : null}
        </Card>
      </div>
      <Card>
        <CardTitle>{t("accomplishments")}</CardTitle>
        {figures.accomplishments.length ? (
          <ul className="mt-2 space-y-1">
            {figures.accomplishments.map((x, i) => (
              <li key={`${x.date}-${i}`}>
                <span className="font-semibold">{formatDay(x.date, locale)}</span> {x.text}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">{t("noAccomplishments")}</p>
        )}
      </Card>
      <Card>
        <CardTitle>{t("history")}</CardTitle>
        <ul className="mt-2 grid gap-x-6 sm:grid-cols-2">
          {history.map((h) => (
            <li key={h.id} className="flex justify-between gap-2 border-b border-border py-1">
              <span>{formatClinicDateTime(h.startsAt, timeZone, locale)}</span>
              <span>{h.status === "cancelled" ? attendanceT("cancelled") : h.attendance ? attendanceT(h.attendance) : t("notRecorded")}</span>
            </li>
          ))}
        </ul>
      </Card>
      <section aria-labelledby="entries-title" className="space-y-3">
        <h2 id="entries-title" className="text-2xl font-semibold">
          {t("signedEntries", { count: entries.length })}
        </h2>
        {entries.map((e) => (
          <Card key={e.id}>
            <p className="font-semibold">{formatClinicDateTime(e.sessionAt, timeZone, locale)}</p>
            <Signatures status="signed" capturedByLabel={e.capturedByLabel} signedByLabel={e.signedByLabel} signedAt={e.signedAt} returnComment={null} timeZone={timeZone} />
            <p className="mt-1">
              {t("entryAttitude", { value: e.attitude ?? "—" })} {e.attitudeTags.map((tag) => <Badge key={tag} className="ml-1">{tag}</Badge>)}
            </p>
            {e.accomplishments ? <p>{e.accomplishments}</p> : null}
            <Amendments items={e.amendments} timeZone={timeZone} />
          </Card>
        ))}
      </section>
    </div>
  );
}
