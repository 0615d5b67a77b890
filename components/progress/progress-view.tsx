import { Amendments, Signatures, assistLabel, taskLabel } from "@/components/review/entry-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import type { PatientProgress } from "@/lib/progress/queries";
import { formatClinicDateTime } from "@/lib/time";
import { ATTENDANCE_LABEL } from "@/lib/schedule/attendance";
import { AttendanceChart, AttitudeChart, GoalChart } from "./charts";


export function RangeFilter({ from, to, action }: { from: string; to: string; action: string }) {
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label="Date range">
      <div>
        <label htmlFor="from" className="block font-semibold">
          From
        </label>
        <Input id="from" name="from" type="date" defaultValue={from} />
      </div>
      <div>
        <label htmlFor="to" className="block font-semibold">
          To
        </label>
        <Input id="to" name="to" type="date" defaultValue={to} />
      </div>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}

export function ProgressView({ progress, timeZone }: { progress: PatientProgress; timeZone: string }) {
  const { figures, history, entries } = progress;
  const a = figures.attendance;
  return (
    <div className="space-y-6">
      {progress.delegated ? (
        <Card>
          <CardTitle>Your delegated tasks</CardTitle>
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
          Goals
        </h2>
        {progress.goals.map((g) => {
          const series = figures.goals.find((s) => s.goalId === g.id);
          return (
            <Card key={g.id} aria-label={`Goal: ${g.description}`}>
              <CardTitle className="text-lg">{g.description}</CardTitle>
              <p className="text-muted-foreground">
                Baseline {g.baseline ?? "—"} {g.unit} · target {g.target ?? "—"} {g.unit}
                {g.targetDate ? ` by ${g.targetDate}` : ""} · {g.status}
              </p>
              {series?.points.length ? (
                <>
                  <div className="mt-2" role="img" aria-label={`Chart of ${g.description}: from ${series.first ?? "—"} to ${series.last ?? "—"} ${g.unit}`}>
                    <GoalChart goal={series} />
                  </div>
                  <details className="mt-2">
                    <summary className="min-h-11 cursor-pointer py-2 font-semibold">Show values</summary>
                    <table className="w-full text-left">
                      <thead>
                        <tr>
                          <th scope="col">Date</th>
                          <th scope="col">Value ({g.unit})</th>
                          <th scope="col">Assist level</th>
                        </tr>
                      </thead>
                      <tbody>
                        {series.points.map((p) => (
                          <tr key={p.date}>
                            <td>{p.date}</td>
                            <td>{p.value ?? "—"}</td>
                            <td>{assistLabel(p.assistLevel)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </>
              ) : (
                <p className="mt-2 text-muted-foreground">No signed measurements in this period.</p>
              )}
            </Card>
          );
        })}
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="attendance-title">
          <CardTitle id="attendance-title">Attendance {a.rate !== null ? `(${a.rate}% attended)` : ""}</CardTitle>
          <p className="text-muted-foreground">
            Present {a.present} · late {a.late} · no-show {a.no_show} · cancelled {a.cancelled}
          </p>
          <div role="img" aria-label={`Attendance: ${a.present} present, ${a.late} late, ${a.no_show} no-show, ${a.cancelled} cancelled`}>
            <AttendanceChart counts={a} />
          </div>
        </Card>
        <Card aria-labelledby="attitude-title">
          <CardTitle id="attitude-title">Attitude {figures.attitude.trend ? `(${figures.attitude.trend})` : ""}</CardTitle>
          <p className="text-muted-foreground">Average {figures.attitude.average ?? "—"} of 5</p>
          {figures.attitude.points.length ? (
            <div role="img" aria-label={`Attitude over time, average ${figures.attitude.average ?? "none"} of 5`}>
              <AttitudeChart points={figures.attitude.points} />
            </div>
          ) : null}
        </Card>
      </div>
      <Card>
        <CardTitle>Accomplishments</CardTitle>
        {figures.accomplishments.length ? (
          <ul className="mt-2 space-y-1">
            {figures.accomplishments.map((x, i) => (
              <li key={`${x.date}-${i}`}>
                <span className="font-semibold">{x.date}</span> {x.text}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">None recorded in this period.</p>
        )}
      </Card>
      <Card>
        <CardTitle>Attendance history</CardTitle>
        <ul className="mt-2 grid gap-x-6 sm:grid-cols-2">
          {history.map((h) => (
            <li key={h.id} className="flex justify-between gap-2 border-b border-border py-1">
              <span>{formatClinicDateTime(h.startsAt, timeZone)}</span>
              <span>{h.status === "cancelled" ? "Cancelled" : h.attendance ? ATTENDANCE_LABEL[h.attendance] : "Not recorded"}</span>
            </li>
          ))}
        </ul>
      </Card>
      <section aria-labelledby="entries-title" className="space-y-3">
        <h2 id="entries-title" className="text-2xl font-semibold">
          Signed entries ({entries.length})
        </h2>
        {entries.map((e) => (
          <Card key={e.id}>
            <p className="font-semibold">{formatClinicDateTime(e.sessionAt, timeZone)}</p>
            <Signatures status="signed" capturedByLabel={e.capturedByLabel} signedByLabel={e.signedByLabel} signedAt={e.signedAt} returnComment={null} timeZone={timeZone} />
            <p className="mt-1">
              Attitude {e.attitude ?? "—"} {e.attitudeTags.map((t) => <Badge key={t} className="ml-1">{t}</Badge>)}
            </p>
            {e.accomplishments ? <p>{e.accomplishments}</p> : null}
            <Amendments items={e.amendments} timeZone={timeZone} />
          </Card>
        ))}
      </section>
    </div>
  );
}
