import type { Metadata } from "next";
import Link from "next/link";
import { CompetencyForm, DelegationForm, EndDelegationForm, EndGoalForm, GoalForm, PrecautionsForm } from "@/components/care/care-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getCarePlan } from "@/lib/care/queries";
import { getLocale, getTranslations } from "next-intl/server";
import { clinicToday, formatDay } from "@/lib/time";
import { HandoutsCard } from "./handouts-card";
import { createGoalAction, delegateTaskAction, endDelegationAction, endGoalAction, recordCompetencyAction, setPrecautionsAction } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("care"))("title") };
}
export const dynamic = "force-dynamic";

export default async function CarePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("care:manage", "/patients/[id]/care");
  const plan = await orNotFound(getCarePlan(actor, id));
  const today = clinicToday(actor.clinic.timeZone);
  const assistants = plan.team.map((m) => ({ value: m.id, label: m.name }));
  const activeGoals = plan.goals.filter((g) => g.status === "active");
  const [t, tasks, goalStatus, delegationStatus, locale] = await Promise.all([
    getTranslations("care"),
    getTranslations("taskTypes"),
    getTranslations("goalStatus"),
    getTranslations("delegationStatus"),
    getLocale(),
  ]);
  const taskLabel = (k: string) => (tasks.has(k as never) ? tasks(k as never) : k);
  const day = (d: string) => formatDay(d, locale);
  return (
    <ClientMessages part="care">
      <div className="space-y-6">
        <div>
          <Link href={`/patients/${plan.patient.id}`} className="inline-flex min-h-11 items-center underline">
            {t("back", { name: plan.patient.name })}
          </Link>
          <h1 className="mt-2 text-3xl font-bold">{t("heading", { name: plan.patient.name })}</h1>
        </div>
        <Card aria-labelledby="precautions-h" className="max-w-2xl">
          <CardTitle id="precautions-h">{t("precautions")}</CardTitle>
          <PrecautionsForm patientId={plan.patient.id} version={plan.patient.version} precautions={plan.patient.precautions} onSubmit={setPrecautionsAction} />
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card aria-labelledby="goals-h">
            <CardTitle id="goals-h">{t("goals")}</CardTitle>
            <ul className="mt-3 space-y-4">
              {plan.goals.map((g) => (
                <li key={g.id} className="border-b border-border pb-3">
                  <p className="font-semibold">{g.description}</p>
                  <p className="text-muted-foreground">
                    {g.baseline ?? "—"} → {g.target ?? "—"} {g.unit}
                    {g.targetDate ? ` ${t("byDate", { date: day(g.targetDate) })}` : ""} <Badge tone={g.status === "active" ? "info" : "neutral"}>{goalStatus(g.status)}</Badge>
                  </p>
                  {g.status === "active" ? <EndGoalForm goalId={g.id} version={g.version} onSubmit={endGoalAction} /> : null}
                </li>
              ))}
            </ul>
            <h3 className="mt-4 text-lg font-semibold">{t("addGoal")}</h3>
            <GoalForm patientId={plan.patient.id} onSubmit={createGoalAction} />
          </Card>
          <Card aria-labelledby="del-h">
            <CardTitle id="del-h">{t("delegations")}</CardTitle>
            <ul className="mt-3 space-y-4">
              {plan.delegations.map((d) => (
                <li key={d.id} className="border-b border-border pb-3">
                  <p className="font-semibold">
                    {taskLabel(d.taskType)} → {d.assistantName} <Badge tone={d.status === "active" ? "info" : "neutral"}>{delegationStatus(d.status)}</Badge>
                  </p>
                  <p className="text-muted-foreground">
                    {t("period", { frequency: d.frequency, from: day(d.startsOn) })}
                    {d.endsOn ? ` ${t("until", { to: day(d.endsOn) })}` : ""}
                  </p>
                  <p>{d.instructions}</p>
                  {d.status === "active" ? <EndDelegationForm delegationId={d.id} version={d.version} onSubmit={endDelegationAction} /> : null}
                </li>
              ))}
            </ul>
            <h3 className="mt-4 text-lg font-semibold">{t("delegate")}</h3>
            {assistants.length ? (
              <DelegationForm
                patientId={plan.patient.id}
                assistants={assistants}
                goals={activeGoals.map((g) => ({ value: g.id, label: g.description }))}
                today={today}
                onSubmit={delegateTaskAction}
              />
            ) : (
              <p className="text-muted-foreground">{t("noAssistants")}</p>
            )}
          </Card>
        </div>
        {can(actor, "handout:write") ? <HandoutsCard actor={actor} plan={plan} /> : null}
        <Card aria-labelledby="comp-h">
          <CardTitle id="comp-h">{t("competencies")}</CardTitle>
          <ul className="mt-3 space-y-3">
            {plan.team.map((m) => (
              <li key={m.id}>
                <p className="font-semibold">
                  {m.name}
                  {m.title ? `, ${m.title}` : ""}
                </p>
                <ul className="flex flex-wrap gap-2">
                  {m.competencies.map((c) => {
                    const expired = c.expiresOn !== null && c.expiresOn < today;
                    return (
                      <li key={c.id}>
                        <Badge tone={expired ? "danger" : "success"}>
                          {t("verifiedBy", { task: taskLabel(c.taskType), name: c.verifiedByName })}
                          {c.expiresOn ? ` · ${expired ? t("expired", { date: day(c.expiresOn) }) : t("expires", { date: day(c.expiresOn) })}` : ""}
                        </Badge>
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ul>
          {assistants.length ? (
            <div className="mt-4 max-w-xl">
              <h3 className="text-lg font-semibold">{t("recordCompetency")}</h3>
              <CompetencyForm assistants={assistants} today={today} onSubmit={recordCompetencyAction} />
            </div>
          ) : null}
        </Card>
      </div>
    </ClientMessages>
  );
}
