import { useLocale, useTranslations } from "next-intl";
import type { ObservationFormValues } from "@/lib/observations/schemas";
import type { SessionGoal, SessionTask } from "@/lib/observations/queries";

/** The entry as submitted, read-only (the assistant cannot change it until it is returned). */
export function ObservationSummary({ values, tasks, goals }: { values: ObservationFormValues; tasks: SessionTask[]; goals: SessionGoal[] }) {
  const t = useTranslations("tablet.observation");
  const assist = useTranslations("assistLevels");
  const locale = useLocale();
  const lower = (s: string) => s.toLocaleLowerCase(locale);
  const label = (id: string) => tasks.find((x) => x.delegationId === id)?.label ?? t("task");
  const goal = (id: string) => goals.find((g) => g.goalId === id);
  const rows: [string, string][] = [
    [t("attitude"), values.attitude ? `${values.attitude} – ${t(`attitudeScale.${values.attitude as 1 | 2 | 3 | 4 | 5}`)}` : "–"],
    [t("howTheySeemed"), values.attitudeTags.map((x) => t(`attitudeTags.${x}`)).join(", ") || "–"],
    [t("accomplishments"), values.accomplishments || "–"],
    [t("comfortAndNeeds"), values.comfortAndNeeds || "–"],
    [t("summary.otherNotes"), values.note || "–"],
  ];
  return (
    <div className="space-y-5 rounded-lg border border-border bg-surface p-5">
      <section aria-labelledby="sum-tasks" className="space-y-2">
        <h2 id="sum-tasks" className="text-xl font-semibold">
          {t("summary.tasks")}
        </h2>
        <ul className="space-y-1">
          {values.tasks.map((x) => (
            <li key={x.delegationId}>
              <span className="font-semibold">{label(x.delegationId)}:</span> {x.done ? t("summary.done") : t("summary.notDone")}
              {x.note ? ` – ${x.note}` : ""}
            </li>
          ))}
        </ul>
      </section>
      {values.goals.some((g) => g.value !== "" || g.assistLevel) ? (
        <section aria-labelledby="sum-goals" className="space-y-2">
          <h2 id="sum-goals" className="text-xl font-semibold">
            {t("summary.goals")}
          </h2>
          <ul className="space-y-1">
            {values.goals
              .filter((g) => g.value !== "" || g.assistLevel)
              .map((g) => (
                <li key={g.goalId}>
                  <span className="font-semibold">{goal(g.goalId)?.description}:</span> {g.value !== "" ? `${String(g.value)} ${goal(g.goalId)?.unit ?? ""}` : t("summary.notMeasured")}
                  {g.assistLevel ? `, ${assist(g.assistLevel)}` : ""}
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
            {t("education")}
          </h2>
          <ul className="space-y-1">
            {values.education.map((e, i) => (
              <li key={i}>
                <span className="font-semibold">{e.topic}</span> –{" "}
                {t("summary.educationDetail", {
                  audience: t(`audiences.${e.audience}`),
                  method: lower(t(`methods.${e.method}`)),
                  language: e.language,
                  understanding: e.understanding ? lower(t(`understandingLevels.${e.understanding}`)) : "–",
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
