import { assistLabel } from "@/components/review/entry-view";
import { isFigures } from "@/lib/reports/figures";

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
  return (
    <article className="space-y-5">
      <header>
        <h1 className="text-3xl font-bold">Progress report: {report.patientName}</h1>
        <p>
          {report.patientFullName} · MRN {report.mrn} · {report.periodStart} to {report.periodEnd}
        </p>
        <p>
          Written by {report.authorLabel} · to {report.therapistLabel}
        </p>
      </header>
      <section>
        <h2 className="text-xl font-semibold">Narrative</h2>
        <p className="whitespace-pre-wrap">{report.narrative}</p>
      </section>
      {f ? (
        <>
          <section>
            <h2 className="text-xl font-semibold">Attendance</h2>
            <p>
              Present {f.attendance.present} · late {f.attendance.late} · no-show {f.attendance.no_show} · cancelled {f.attendance.cancelled}
              {f.attendance.rate !== null ? ` · ${f.attendance.rate}% attended` : ""}
            </p>
          </section>
          <section>
            <h2 className="text-xl font-semibold">Attitude</h2>
            <p>
              Average {f.attitude.average ?? "—"} of 5{f.attitude.trend ? ` · ${f.attitude.trend}` : ""} ({f.attitude.points.length} sessions)
            </p>
          </section>
          <section>
            <h2 className="text-xl font-semibold">Goals</h2>
            {f.goals.length ? (
              f.goals.map((g) => (
                <div key={g.goalId} className="mt-2">
                  <p className="font-semibold">{g.description}</p>
                  <p>
                    Baseline {g.baseline ?? "—"}, target {g.target ?? "—"} {g.unit}; observed {g.first ?? "—"} → {g.last ?? "—"} {g.unit} over {g.points.length} sessions
                  </p>
                  <table className="mt-1 w-full text-left">
                    <thead>
                      <tr>
                        <th scope="col">Date</th>
                        <th scope="col">Value</th>
                        <th scope="col">Assist level</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.points.map((p, i) => (
                        <tr key={`${p.date}-${i}`}>
                          <td>{p.date}</td>
                          <td>{p.value ?? "—"}</td>
                          <td>{assistLabel(p.assistLevel)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))
            ) : (
              <p>No goal measurements in this period.</p>
            )}
          </section>
          <section>
            <h2 className="text-xl font-semibold">Accomplishments</h2>
            {f.accomplishments.length ? (
              <ul className="list-disc pl-6">
                {f.accomplishments.map((a, i) => (
                  <li key={`${a.date}-${i}`}>
                    {a.date}: {a.text}
                  </li>
                ))}
              </ul>
            ) : (
              <p>None recorded.</p>
            )}
          </section>
        </>
      ) : null}
      {report.status === "acknowledged" ? (
        <section>
          <h2 className="text-xl font-semibold">Therapist&apos;s acknowledgement</h2>
          <p>{report.comment}</p>
        </section>
      ) : null}
    </article>
  );
}
