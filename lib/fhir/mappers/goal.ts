import type { Goal } from "@medplum/fhirtypes";
import type { FhirGoalRow } from "@/lib/care/fhir-queries";
import { SYSTEM, ucumFor } from "../codes";
import { ref } from "./context";

const LIFECYCLE = { active: "active", met: "completed", discontinued: "cancelled" } as const;

/** A therapist's measurable goal: description, target in the goal's unit (UCUM where it has one), status. */
export function toGoal(g: FhirGoalRow): Goal {
  const ucum = ucumFor(g.unit);
  return {
    resourceType: "Goal",
    id: g.id,
    lifecycleStatus: LIFECYCLE[g.status],
    ...(g.status === "met" ? { achievementStatus: { coding: [{ system: SYSTEM.goalAchievement, code: "achieved", display: "Achieved" }] } } : {}),
    description: { text: g.description },
    subject: ref("Patient", g.patientId),
    startDate: g.createdAt.toISOString().slice(0, 10),
    expressedBy: ref("Practitioner", g.therapistId),
    ...(g.target !== null || g.targetDate
      ? {
          target: [
            {
              measure: { text: g.description },
              ...(g.target !== null
                ? { detailQuantity: { value: g.target, unit: ucum?.unit ?? g.unit, ...(ucum ? { system: SYSTEM.ucum, code: ucum.code } : {}) } }
                : {}),
              ...(g.targetDate ? { dueDate: g.targetDate } : {}),
            },
          ],
        }
      : {}),
    ...(g.endedAt ? { statusDate: g.endedAt.toISOString().slice(0, 10) } : {}),
    ...(g.baseline !== null ? { note: [{ text: `Baseline: ${g.baseline} ${g.unit}` }] } : {}),
  };
}
