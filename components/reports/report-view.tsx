import { useLocale, useTranslations } from "next-intl";
import { useEntryLabels } from "@/components/review/entry-view";
import { isFigures } from "@/lib/reports/figures";
import { formatDay, formatDayRange, formatNumber, formatPercent } from "@/lib/time";

type Report = {
  patientName: string;
  patientFullName: string;
  mrn: string;
  periodStart: string;
  periodEnd: string;
  authorLabel: string;
  therapistLabel: string;
  figures: Record<string, unknown>;
  narrative: string;
  status: "submitted" | "acknowledged";
  comment: string | null;
};

/** The report as printed and as shown: plain, high-contrast, no charts (they do not print reliably). */
export function ReportView({ report }: { report: Report }) {
  const f = isFigures(report.figures) ? report.figures : null;
  const t = useTranslations("reportView");
  const progress = useTranslations("progress");
  const locale = useLocale();
  const { assistLabel } = useEntryLabels();
  const num = (n: number | null) => (n === null ? "—" : formatNumber(n, locale));
  const day = (d: string) => formatDay(d, locale);
  return (
    <article className="space-y-5">
      <header>
        <h1 className="text-3xl font-bold">{t("heading", { name: report.patientName })}</h1>
        <p>
          {t("subject", { name: report.patientFullName, mrn: report.mrn, period: formatDayRange(report.periodStart, report.periodEnd, locale) })}
        </p>
        <p>
          {t("writtenBy", { author: report.authorLabel, therapist: report.therapistLabel })}
        </p>
      </header>
      <section>
        <h2 className="text-xl font-semibold">{t("narrative")}</h2>
        <p className="whitespace-pre-wrap">{report.narrative}</p>
      </section>
      {f ? (
        <>
          <section>
            <h2 className="text-xl font-semibold">{t("attendance")}</h2>
            <p>
              {progress("attendanceCounts", { present: f.attendance.present, late: f.attendance.late, noShow: f.attendance.no_show, cancelled: f.attendance.cancelled })}
              {f.attendance.rate !== null ? ` · ${t("attended", { rate: formatPercent(f.attendance.rate / 100, locale) })}` : ""}
            </p>
          </section>
          <section>
            <h2 className="text-xl font-semibold">{t("attitude")}</h2>
            <p>
              {progress("average", { average: num(f.attitude.average) })}
              {f.attitude.trend ? ` · ${progress(`trend.${f.attitude.trend}`)}` : ""} {t("sessions", { count: f.attitude.points.length })}
            </p>
          </section>
          <section>
            <h2 className="text-xl font-semibold">{t("goals")}</h2>
            {f.goals.length ? (
              f.goals.map((g) => (
                <div key={g.goalId} className="mt-2">
                  <p className="font-semibold">{g.description}</p>
                  <p>
                    {t("goalSummary", { baseline: num(g.baseline), target: num(g.target), unit: g.unit, first: num(g.first), last: num(g.last), count: g.points.length })}
                  </p>
                  <table className="mt-1 w-full text-left">
                    <thead>
                      <tr>
                        <th scope="col">{progress("date")}</th>
                        <th scope="col">{t("value")}</th>
                        <th scope="col">{progress("assistLevel")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.points.map((p, i) => (
                        <tr key={`${p.date}-${i}`}>
                          <td>{day(p.date)}</td>
                          <td>{num(p.value)}</td>
                          <td>{assistLabel(p.assistLevel)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))
            ) : (
              <p>{t("noGoals")}</p>
            )}
          </section>
          <section>
            <h2 className="text-xl font-semibold">{t("accomplishments")}</h2>
            {f.accomplishments.length ? (
              <ul className="list-disc pl-6">
                {f.accomplishments.map((a, i) => (
                  <li key={`${a.date}-${i}`}>
                    {day(a.date)}: {a.text}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("noAccomplishments")}</p>
            )}
          </section>
        </>
      ) : null}
      {report.status === "acknowledged" ? (
        <section>
          <h2 className="text-xl font-semibold">{t("acknowledgement")}</h2>
          <p>{report.comment}</p>
        </section>
      ) : null}
    </article>
  );
}
