import { compileFigures, type Figures } from "@/lib/reports/figures";
import type { TabletView } from "./view";

/**
 * A progress report's figures as far as the tablet can see them: the same compiler as the server's
 * (lib/reports/figures.ts), fed with the appointments and entries the device holds for the patient in
 * [from, to] (clinic days). The server compiles the report's real figures from the full record; this
 * is the aide's preview. Like the server, only entries submitted or signed count, and goals only through
 * her delegations. Pure: unit-tested without a browser.
 */
export function compileReportPreview(view: Pick<TabletView, "appointments" | "observations" | "delegations" | "goals">, patientId: string, from: string, to: string): Figures {
  const appts = view.appointments.filter((a) => a.patientId === patientId && a.status !== "cancelled" && a.day >= from && a.day <= to);
  const byAppt = new Map(appts.map((a) => [a.id, a]));
  const goalIds = new Set(view.delegations.filter((d) => d.patientId === patientId && d.goalId).map((d) => d.goalId!));
  const entries = view.observations.filter((o) => byAppt.has(o.appointmentId) && (o.status === "submitted" || o.status === "signed"));
  return compileFigures({
    appointments: appts.map((a) => ({ date: a.day, attendance: a.attendance })),
    entries: entries.map((o) => ({ date: byAppt.get(o.appointmentId)!.day, attitude: o.values.attitude ?? null, accomplishments: o.values.accomplishments ?? "" })),
    goalPoints: entries.flatMap((o) =>
      o.values.goals
        .filter((g) => goalIds.has(g.goalId))
        .flatMap((g) => {
          const goal = view.goals.find((x) => x.id === g.goalId);
          if (!goal) return [];
          const value = g.value === "" || g.value === null || g.value === undefined ? null : Number(g.value);
          return [{ goalId: goal.id, description: goal.description, unit: goal.unit, baseline: goal.baseline, target: goal.target, date: byAppt.get(o.appointmentId)!.day, value: Number.isFinite(value) ? value : null, assistLevel: g.assistLevel || null }];
        }),
    ),
  });
}
