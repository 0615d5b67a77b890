import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { TASK_TYPES, isTaskType } from "@/lib/care/task-types";
import { formatClinicDateTime } from "@/lib/time";

type Amendment = { id: string; authorLabel: string; reason: string; text: string; at: Date };

export const STATUS_LABEL = { draft: "Draft", submitted: "Awaiting signature", returned: "Returned", signed: "Signed" } as const;
const ASSIST_LABEL: Record<string, string> = {
  independent: "Independent",
  supervision: "Supervision",
  minimal: "Minimal assist",
  moderate: "Moderate assist",
  maximal: "Maximal assist",
  dependent: "Dependent",
};
export const assistLabel = (a: string | null) => (a ? (ASSIST_LABEL[a] ?? a) : "—");
export const taskLabel = (t: string) => (isTaskType(t) ? TASK_TYPES[t] : t);

/** Who captured and who signed an entry: the record shows both names (DESIGN rule 3). */
export function Signatures({
  status,
  capturedByLabel,
  signedByLabel,
  signedAt,
  returnComment,
  timeZone,
}: {
  status: keyof typeof STATUS_LABEL;
  capturedByLabel: string;
  signedByLabel: string | null;
  signedAt: Date | null;
  returnComment: string | null;
  timeZone: string;
}) {
  return (
    <div className="space-y-1" data-testid="entry-signatures">
      <p>
        <Badge tone={status === "signed" ? "success" : status === "returned" ? "warning" : "info"}>{STATUS_LABEL[status]}</Badge>
      </p>
      <p>Captured by {capturedByLabel}</p>
      {status === "signed" && signedByLabel ? (
        <p className="font-semibold">
          Signed by {signedByLabel}
          {signedAt ? ` on ${formatClinicDateTime(signedAt, timeZone)}` : ""}
        </p>
      ) : null}
      {status === "returned" && returnComment ? <p className="font-semibold">Returned: {returnComment}</p> : null}
    </div>
  );
}

export function Amendments({ items, timeZone }: { items: Amendment[]; timeZone: string }) {
  if (!items.length) return null;
  return (
    <div className="mt-3 space-y-2 border-l-4 border-warning pl-3" aria-label="Amendments">
      {items.map((a) => (
        <div key={a.id}>
          <p className="font-semibold">
            Amendment by {a.authorLabel}, {formatClinicDateTime(a.at, timeZone)}
          </p>
          <p className="text-muted-foreground">Reason: {a.reason}</p>
          <p>{a.text}</p>
        </div>
      ))}
    </div>
  );
}

export function EntryBody({
  entry,
}: {
  entry: {
    attitude: number | null;
    attitudeTags: string[];
    accomplishments: string;
    comfortAndNeeds: string;
    note: string;
    goals: { description: string; unit: string; target: number | null; value: number | null; assistLevel: string | null; note: string }[];
    tasks: { taskType: string; instructions: string; done: boolean; note: string }[];
    education: { id: string; topic: string; audience: string; method: string; understanding: string; language: string }[];
  };
}) {
  return (
    <div className="space-y-4">
      <Card>
        <CardTitle>Goals</CardTitle>
        {entry.goals.length ? (
          <ul className="mt-2 space-y-2">
            {entry.goals.map((g) => (
              <li key={g.description}>
                <span className="font-semibold">{g.description}</span>
                <span className="block">
                  {g.value ?? "—"} {g.unit}
                  {g.target !== null ? ` (target ${g.target})` : ""} · {assistLabel(g.assistLevel)}
                </span>
                {g.note ? <span className="block text-muted-foreground">{g.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">No goal measurements.</p>
        )}
      </Card>
      <Card>
        <CardTitle>Delegated tasks</CardTitle>
        {entry.tasks.length ? (
          <ul className="mt-2 space-y-2">
            {entry.tasks.map((t) => (
              <li key={t.taskType + t.instructions}>
                <Badge tone={t.done ? "success" : "warning"}>{t.done ? "Done" : "Not done"}</Badge> <span className="font-semibold">{taskLabel(t.taskType)}</span>
                {t.note ? <span className="block text-muted-foreground">{t.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">No tasks recorded.</p>
        )}
      </Card>
      <Card>
        <CardTitle>Attitude, accomplishments and comfort</CardTitle>
        <dl className="mt-2 grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-muted-foreground">Attitude</dt>
            <dd className="font-semibold">
              {entry.attitude ? `${entry.attitude} of 5` : "—"} {entry.attitudeTags.length ? `(${entry.attitudeTags.join(", ")})` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Accomplishments</dt>
            <dd>{entry.accomplishments || "—"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Comfort and needs</dt>
            <dd>{entry.comfortAndNeeds || "—"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Note</dt>
            <dd>{entry.note || "—"}</dd>
          </div>
        </dl>
        {entry.education.length ? (
          <>
            <h3 className="mt-3 font-semibold">Education given</h3>
            <ul className="mt-1">
              {entry.education.map((e) => (
                <li key={e.id}>
                  {e.topic} — {e.audience}, {e.method}, understanding {e.understanding} ({e.language})
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>
    </div>
  );
}

/** Verbal reports the aide logged for this session (to whom, when, one line): shown with the entry. */
export function VerbalReports({ items, timeZone }: { items: { id: string; reportedAt: Date; summary: string; therapistLabel: string; reportedByName: string }[]; timeZone: string }) {
  if (!items.length) return null;
  return (
    <Card aria-labelledby="verbal-reports-title">
      <CardTitle id="verbal-reports-title">Reported verbally</CardTitle>
      <ul className="mt-2 space-y-2">
        {items.map((r) => (
          <li key={r.id}>
            <span className="font-semibold">
              {r.reportedByName} told {r.therapistLabel}, {formatClinicDateTime(r.reportedAt, timeZone)}:
            </span>{" "}
            {r.summary}
          </li>
        ))}
      </ul>
    </Card>
  );
}
