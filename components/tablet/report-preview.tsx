"use client";

import type { TabletView } from "@/lib/offline/view";
import { compileReportPreview } from "@/lib/offline/report-preview";

// Strings of the preview, until they move to the `tablet.report` catalog namespace.
const S = {
  title: "From this tablet",
  note: "This tablet holds only today's and the next day's sessions. TheraTrack compiles the figures from the full record when the report arrives.",
  attendance: (attended: number, total: number) => `Attendance: ${attended} of ${total} sessions attended`,
  noAttendance: "Attendance: none recorded on this tablet for this period",
  attitude: (avg: number) => `Attitude: average ${avg} of 5`,
  goal: (description: string, last: number, unit: string) => `${description}: latest ${last} ${unit}`,
  accomplishments: (n: number) => `${n} accomplishment${n === 1 ? "" : "s"} noted`,
};

/** What the report's figures will show, compiled on the device from what it holds (the server compiles the real ones). */
export function ReportPreview({ view, patientId, from, to }: { view: TabletView; patientId: string; from: string; to: string }) {
  const f = compileReportPreview(view, patientId, from, to);
  const attended = f.attendance.present + f.attendance.late;
  return (
    <section aria-labelledby="preview-title" className="space-y-2 rounded-lg border border-border bg-muted/40 p-4">
      <h2 id="preview-title" className="text-lg font-semibold">
        {S.title}
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>{f.attendance.total ? S.attendance(attended, f.attendance.total) : S.noAttendance}</li>
        {f.attitude.average !== null ? <li>{S.attitude(f.attitude.average)}</li> : null}
        {f.goals.map((g) => (g.last !== null ? <li key={g.goalId}>{S.goal(g.description, g.last, g.unit)}</li> : null))}
        {f.accomplishments.length ? <li>{S.accomplishments(f.accomplishments.length)}</li> : null}
      </ul>
      <p className="text-sm text-muted-foreground">{S.note}</p>
    </section>
  );
}
