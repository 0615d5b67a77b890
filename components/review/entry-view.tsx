import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { isTaskType } from "@/lib/care/task-types";
import { textFor } from "@/lib/handouts/labels";
import { handoutLanguageFor, type HandoutContent } from "@/lib/handouts/schemas";
import { EDUCATION_AUDIENCES, EDUCATION_METHODS, UNDERSTANDING } from "@/lib/observations/schemas";
import { formatClinicDateTime, formatNumber } from "@/lib/time";

type Amendment = { id: string; authorLabel: string; reason: string; text: string; at: Date };
type Status = "draft" | "submitted" | "returned" | "signed";
const ASSIST_LEVELS = ["independent", "supervision", "minimal", "moderate", "maximal", "dependent"] as const;
type AssistLevel = (typeof ASSIST_LEVELS)[number];
const isAssistLevel = (a: string): a is AssistLevel => (ASSIST_LEVELS as readonly string[]).includes(a);
const isCode =
  <T extends Record<string, string>>(list: T) =>
  (v: string): v is Extract<keyof T, string> =>
    Object.hasOwn(list, v);
const isAudience = isCode(EDUCATION_AUDIENCES);
const isMethod = isCode(EDUCATION_METHODS);
const isUnderstanding = isCode(UNDERSTANDING);

/** Labels of assist levels and task types in the reader's language (catalogs `assistLevels`, `taskTypes`). */
export function useEntryLabels() {
  const assist = useTranslations("assistLevels");
  const tasks = useTranslations("taskTypes");
  return {
    assistLabel: (a: string | null) => (a ? (isAssistLevel(a) ? assist(a) : a) : "—"),
    taskLabel: (t: string) => (isTaskType(t) ? tasks(t) : t),
  };
}

/** Who captured and who signed an entry: the record shows both names (DESIGN rule 3). */
export function Signatures({
  status,
  capturedByLabel,
  signedByLabel,
  signedAt,
  returnComment,
  timeZone,
}: {
  status: Status;
  capturedByLabel: string;
  signedByLabel: string | null;
  signedAt: Date | null;
  returnComment: string | null;
  timeZone: string;
}) {
  const t = useTranslations("entry");
  const statusT = useTranslations("entryStatus");
  const locale = useLocale();
  return (
    <div className="space-y-1" data-testid="entry-signatures">
      <p>
        <Badge tone={status === "signed" ? "success" : status === "returned" ? "warning" : "info"}>{statusT(status)}</Badge>
      </p>
      <p>{t("capturedBy", { name: capturedByLabel })}</p>
      {status === "signed" && signedByLabel ? (
        <p className="font-semibold">
          {signedAt ? t("signedByOn", { name: signedByLabel, at: formatClinicDateTime(signedAt, timeZone, locale) }) : t("signedBy", { name: signedByLabel })}
        </p>
      ) : null}
      {status === "returned" && returnComment ? <p className="font-semibold">{t("returned", { comment: returnComment })}</p> : null}
    </div>
  );
}

export function Amendments({ items, timeZone }: { items: Amendment[]; timeZone: string }) {
  const t = useTranslations("entry");
  const locale = useLocale();
  if (!items.length) return null;
  return (
    <div className="mt-3 space-y-2 border-l-4 border-warning pl-3" aria-label={t("amendments")}>
      {items.map((a) => (
        <div key={a.id}>
          <p className="font-semibold">{t("amendmentBy", { name: a.authorLabel, at: formatClinicDateTime(a.at, timeZone, locale) })}</p>
          <p className="text-muted-foreground">{t("reason", { reason: a.reason })}</p>
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
    education: { id: string; topic: string; audience: string; method: string; understanding: string; language: string; handout: { id: string; version: number; content: HandoutContent } | null }[];
  };
}) {
  const t = useTranslations("entry");
  const given = useTranslations("handouts.given");
  const languages = useTranslations("handouts.languages");
  const locale = useLocale();
  const { assistLabel, taskLabel } = useEntryLabels();
  const languageLabel = (name: string) => (name === "English" || name === "Spanish" ? languages(handoutLanguageFor(name)) : name);
  const num = (n: number) => formatNumber(n, locale);
  return (
    <div className="space-y-4">
      <Card>
        <CardTitle>{t("goals")}</CardTitle>
        {entry.goals.length ? (
          <ul className="mt-2 space-y-2">
            {entry.goals.map((g) => (
              <li key={g.description}>
                <span className="font-semibold">{g.description}</span>
                <span className="block">
                  {g.value !== null ? num(g.value) : "—"} {g.unit}
                  {g.target !== null ? ` ${t("target", { target: num(g.target) })}` : ""} · {assistLabel(g.assistLevel)}
                </span>
                {g.note ? <span className="block text-muted-foreground">{g.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">{t("noGoals")}</p>
        )}
      </Card>
      <Card>
        <CardTitle>{t("tasks")}</CardTitle>
        {entry.tasks.length ? (
          <ul className="mt-2 space-y-2">
            {entry.tasks.map((task) => (
              <li key={task.taskType + task.instructions}>
                <Badge tone={task.done ? "success" : "warning"}>{task.done ? t("done") : t("notDone")}</Badge>{" "}
                <span className="font-semibold">{taskLabel(task.taskType)}</span>
                {task.note ? <span className="block text-muted-foreground">{task.note}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">{t("noTasks")}</p>
        )}
      </Card>
      <Card>
        <CardTitle>{t("attitudeTitle")}</CardTitle>
        <dl className="mt-2 grid gap-3 sm:grid-cols-2">
          <div>
            <dt className="text-muted-foreground">{t("attitude")}</dt>
            <dd className="font-semibold">
              {entry.attitude ? t("attitudeOf5", { value: entry.attitude }) : "—"} {entry.attitudeTags.length ? `(${entry.attitudeTags.join(", ")})` : ""}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("accomplishments")}</dt>
            <dd>{entry.accomplishments || "—"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("comfort")}</dt>
            <dd>{entry.comfortAndNeeds || "—"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">{t("note")}</dt>
            <dd>{entry.note || "—"}</dd>
          </div>
        </dl>
        {entry.education.length ? (
          <>
            <h3 className="mt-3 font-semibold">{t("education")}</h3>
            <ul className="mt-1">
              {entry.education.map((e) => (
                <li key={e.id}>
                  {t("educationItem", {
                    topic: e.topic,
                    audience: isAudience(e.audience) ? given(`audience.${e.audience}`) : e.audience,
                    method: isMethod(e.method) ? t(`educationMethods.${e.method}`) : e.method,
                    understanding: isUnderstanding(e.understanding) ? given(`understanding.${e.understanding}`) : e.understanding,
                    language: languageLabel(e.language),
                  })}
                  {e.handout ? (
                    <span className="block">
                      {t("educationHandout")}{" "}
                      <Link href={`/handouts/${e.handout.id}?version=${e.handout.version}`} className="inline-flex min-h-11 items-center underline">
                        {textFor(e.handout.content, locale).title}
                      </Link>{" "}
                      {t("educationHandoutVersion", { version: e.handout.version, language: languageLabel(e.language) })}
                    </span>
                  ) : null}
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
  const t = useTranslations("entry");
  const locale = useLocale();
  if (!items.length) return null;
  return (
    <Card aria-labelledby="verbal-reports-title">
      <CardTitle id="verbal-reports-title">{t("verbalReports")}</CardTitle>
      <ul className="mt-2 space-y-2">
        {items.map((r) => (
          <li key={r.id}>
            <span className="font-semibold">
              {t("verbalReportBy", { name: r.reportedByName, therapist: r.therapistLabel, at: formatClinicDateTime(r.reportedAt, timeZone, locale) })}
            </span>{" "}
            {r.summary}
          </li>
        ))}
      </ul>
    </Card>
  );
}
