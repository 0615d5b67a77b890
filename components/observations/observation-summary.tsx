import { ASSIST_LEVELS, ATTITUDE_SCALE, ATTITUDE_TAGS, EDUCATION_AUDIENCES, EDUCATION_METHODS, UNDERSTANDING, type ObservationFormValues } from "@/lib/observations/schemas";
import type { SessionGoal, SessionTask } from "@/lib/observations/queries";

/** The entry as submitted, read-only (the assistant cannot change it until it is returned). */
export function ObservationSummary({ values, tasks, goals }: { values: ObservationFormValues; tasks: SessionTask[]; goals: SessionGoal[] }) {
  const label = (id: string) => tasks.find((t) => t.delegationId === id)?.label ?? "Task";
  const goal = (id: string) => goals.find((g) => g.goalId === id);
  const rows: [string, string][] = [
    ["Attitude", values.attitude ? `${values.attitude} – ${ATTITUDE_SCALE[values.attitude as 1 | 2 | 3 | 4 | 5]}` : "–"],
    ["How they seemed", values.attitudeTags.map((t) => ATTITUDE_TAGS[t]).join(", ") || "–"],
    ["Accomplishments", values.accomplishments || "–"],
    ["Comfort and physical needs attended", values.comfortAndNeeds || "–"],
    ["Other notes", values.note || "–"],
  ];
  return (
    <div className="space-y-5 rounded-lg border border-border bg-surface p-5">
      <section aria-labelledby="sum-tasks" className="space-y-2">
        <h2 id="sum-tasks" className="text-xl font-semibold">
          Tasks
        </h2>
        <ul className="space-y-1">
          {values.tasks.map((t) => (
            <li key={t.delegationId}>
              <span className="font-semibold">{label(t.delegationId)}:</span> {t.done ? "done" : "not done"}
              {t.note ? ` – ${t.note}` : ""}
            </li>
          ))}
        </ul>
      </section>
      {values.goals.some((g) => g.value !== "" || g.assistLevel) ? (
        <section aria-labelledby="sum-goals" className="space-y-2">
          <h2 id="sum-goals" className="text-xl font-semibold">
            Goals
          </h2>
          <ul className="space-y-1">
            {values.goals
              .filter((g) => g.value !== "" || g.assistLevel)
              .map((g) => (
                <li key={g.goalId}>
                  <span className="font-semibold">{goal(g.goalId)?.description}:</span> {g.value !== "" ? `${String(g.value)} ${goal(g.goalId)?.unit ?? ""}` : "not measured"}
                  {g.assistLevel ? `, ${ASSIST_LEVELS[g.assistLevel]}` : ""}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
      <dl className="grid gap-3 sm:grid-cols-2">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt className="font-semibold">{k}</dt>
            <dd className="whitespace-pre-wrap break-words">{v}</dd>
          </div>
        ))}
      </dl>
      {values.education.length ? (
        <section aria-labelledby="sum-edu" className="space-y-2">
          <h2 id="sum-edu" className="text-xl font-semibold">
            Education given
          </h2>
          <ul className="space-y-1">
            {values.education.map((e, i) => (
              <li key={i}>
                <span className="font-semibold">{e.topic}</span> – {EDUCATION_AUDIENCES[e.audience]}, {EDUCATION_METHODS[e.method].toLowerCase()}, in {e.language}; teach-back:{" "}
                {UNDERSTANDING[e.understanding].toLowerCase()}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
