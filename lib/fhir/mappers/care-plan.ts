import type { CarePlan, Task } from "@medplum/fhirtypes";
import type { FhirDelegationRow } from "@/lib/care/fhir-queries";
import { TASK_TYPES } from "@/lib/care/task-types";
import { SYSTEM } from "../codes";
import { instant, ref } from "./context";

const taskLabel = (t: string) => (TASK_TYPES as Record<string, string>)[t] ?? t;

/** A delegation: the therapist (requester) hands a task type for one patient to an assistant (owner). */
export function toTask(d: FhirDelegationRow): Task {
  return {
    resourceType: "Task",
    id: d.id,
    status: d.status === "active" ? "in-progress" : "completed",
    intent: "order",
    code: { coding: [{ system: SYSTEM.taskType, code: d.taskType, display: taskLabel(d.taskType) }], text: taskLabel(d.taskType) },
    description: d.instructions,
    basedOn: [ref("CarePlan", d.patientId)],
    ...(d.goalId ? { focus: ref("Goal", d.goalId) } : {}),
    for: ref("Patient", d.patientId),
    authoredOn: instant(d.createdAt),
    requester: ref("Practitioner", d.therapistId),
    owner: ref("Practitioner", d.assistantId),
    restriction: { period: { start: d.startsOn, ...(d.endsOn ? { end: d.endsOn } : {}) } },
    note: [{ text: `Frequency: ${d.frequency}` }],
  };
}

/** One CarePlan per patient: their goals and the delegated tasks (Task resources) that work toward them. */
export function toCarePlan(patientId: string, delegations: FhirDelegationRow[], goalIds: string[]): CarePlan {
  const active = delegations.some((d) => d.status === "active");
  const starts = delegations.map((d) => d.startsOn).sort();
  return {
    resourceType: "CarePlan",
    id: patientId,
    status: active ? "active" : "completed",
    intent: "plan",
    title: "Therapy plan of care: delegated tasks",
    subject: ref("Patient", patientId),
    ...(starts[0] ? { period: { start: starts[0] } } : {}),
    ...(goalIds.length ? { goal: goalIds.map((id) => ref("Goal", id)) } : {}),
    ...(delegations.length ? { activity: delegations.map((d) => ({ reference: ref("Task", d.id, taskLabel(d.taskType)) })) } : {}),
  };
}
