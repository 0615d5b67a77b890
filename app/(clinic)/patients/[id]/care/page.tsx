import type { Metadata } from "next";
import Link from "next/link";
import { CompetencyForm, DelegationForm, EndDelegationForm, EndGoalForm, GoalForm, PrecautionsForm } from "@/components/care/care-forms";
import { taskLabel } from "@/components/review/entry-view";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getCarePlan } from "@/lib/care/queries";
import { clinicToday } from "@/lib/time";
import { createGoalAction, delegateTaskAction, endDelegationAction, endGoalAction, recordCompetencyAction, setPrecautionsAction } from "./actions";

export const metadata: Metadata = { title: "Goals and delegations" };
export const dynamic = "force-dynamic";

export default async function CarePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("care:manage", "/patients/[id]/care");
  const plan = await orNotFound(getCarePlan(actor, id));
  const today = clinicToday(actor.clinic.timeZone);
  const assistants = plan.team.map((t) => ({ value: t.id, label: t.name }));
  const activeGoals = plan.goals.filter((g) => g.status === "active");
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/patients/${plan.patient.id}`} className="underline">
          Back to {plan.patient.name}
        </Link>
        <h1 className="mt-2 text-3xl font-bold">Goals and delegations: {plan.patient.name}</h1>
      </div>
      <Card aria-labelledby="precautions-h" className="max-w-2xl">
        <CardTitle id="precautions-h">Precautions</CardTitle>
        <PrecautionsForm patientId={plan.patient.id} version={plan.patient.version} precautions={plan.patient.precautions} onSubmit={setPrecautionsAction} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="goals-h">
          <CardTitle id="goals-h">Goals</CardTitle>
          <ul className="mt-3 space-y-4">
            {plan.goals.map((g) => (
              <li key={g.id} className="border-b border-border pb-3">
                <p className="font-semibold">{g.description}</p>
                <p className="text-muted-foreground">
                  {g.baseline ?? "—"} → {g.target ?? "—"} {g.unit}
                  {g.targetDate ? ` by ${g.targetDate}` : ""} <Badge tone={g.status === "active" ? "info" : "neutral"}>{g.status}</Badge>
                </p>
                {g.status === "active" ? <EndGoalForm goalId={g.id} version={g.version} onSubmit={endGoalAction} /> : null}
              </li>
            ))}
          </ul>
          <h3 className="mt-4 text-lg font-semibold">Add a goal</h3>
          <GoalForm patientId={plan.patient.id} onSubmit={createGoalAction} />
        </Card>
        <Card aria-labelledby="del-h">
          <CardTitle id="del-h">Delegations</CardTitle>
          <ul className="mt-3 space-y-4">
            {plan.delegations.map((d) => (
              <li key={d.id} className="border-b border-border pb-3">
                <p className="font-semibold">
                  {taskLabel(d.taskType)} → {d.assistantName} <Badge tone={d.status === "active" ? "info" : "neutral"}>{d.status}</Badge>
                </p>
                <p className="text-muted-foreground">
                  {d.frequency} · from {d.startsOn}
                  {d.endsOn ? ` to ${d.endsOn}` : ""}
                </p>
                <p>{d.instructions}</p>
                {d.status === "active" ? <EndDelegationForm delegationId={d.id} version={d.version} onSubmit={endDelegationAction} /> : null}
              </li>
            ))}
          </ul>
          <h3 className="mt-4 text-lg font-semibold">Delegate a task</h3>
          {assistants.length ? (
            <DelegationForm
              patientId={plan.patient.id}
              assistants={assistants}
              goals={activeGoals.map((g) => ({ value: g.id, label: g.description }))}
              today={today}
              onSubmit={delegateTaskAction}
            />
          ) : (
            <p className="text-muted-foreground">You supervise no assistants, so you cannot delegate.</p>
          )}
        </Card>
      </div>
      <Card aria-labelledby="comp-h">
        <CardTitle id="comp-h">Competencies of the assistants you supervise</CardTitle>
        <ul className="mt-3 space-y-3">
          {plan.team.map((t) => (
            <li key={t.id}>
              <p className="font-semibold">
                {t.name}
                {t.title ? `, ${t.title}` : ""}
              </p>
              <ul className="flex flex-wrap gap-2">
                {t.competencies.map((c) => {
                  const expired = c.expiresOn !== null && c.expiresOn < today;
                  return (
                    <li key={c.id}>
                      <Badge tone={expired ? "danger" : "success"}>
                        {taskLabel(c.taskType)} · verified by {c.verifiedByName}
                        {c.expiresOn ? ` · ${expired ? "expired" : "expires"} ${c.expiresOn}` : ""}
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
            <h3 className="text-lg font-semibold">Record a competency</h3>
            <CompetencyForm assistants={assistants} today={today} onSubmit={recordCompetencyAction} />
          </div>
        ) : null}
      </Card>
    </div>
  );
}
