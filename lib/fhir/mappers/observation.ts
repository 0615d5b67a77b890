import type { Observation } from "@medplum/fhirtypes";
import type { FhirEntryDetails, FhirEntryRow } from "@/lib/observations/fhir-queries";
import { ASSIST_LABEL, SYSTEM, ucumFor } from "../codes";
import { instant, ref } from "./context";

const category = [{ coding: [{ system: SYSTEM.obsCategory, code: "therapy", display: "Therapy" }] }];

function common(e: FhirEntryRow): Pick<Observation, "status" | "category" | "subject" | "encounter" | "effectiveDateTime" | "issued" | "performer" | "derivedFrom"> {
  return {
    status: "final",
    category,
    subject: ref("Patient", e.patientId),
    encounter: ref("Encounter", e.appointmentId),
    effectiveDateTime: instant(e.startsAt),
    issued: instant(e.signedAt),
    // the therapist who signed adopts the entry; the assistant captured it (Provenance says which)
    performer: [ref("Practitioner", e.signedBy, e.signedByLabel), ref("Practitioner", e.capturedBy, e.capturedByLabel)],
    derivedFrom: [ref("DocumentReference", e.id)],
  };
}

/** One goal measurement of a signed entry: the value in the goal's unit, the assist level as a component. */
export function toGoalObservation(e: FhirEntryRow, m: FhirEntryDetails["measures"][number]): Observation {
  const ucum = ucumFor(m.unit);
  return {
    resourceType: "Observation",
    id: m.id,
    ...common(e),
    code: { coding: [{ system: SYSTEM.observationKind, code: "goal-measurement", display: "Goal measurement" }], text: m.description },
    focus: [ref("Goal", m.goalId)],
    ...(m.value !== null ? { valueQuantity: { value: m.value, unit: ucum?.unit ?? m.unit, ...(ucum ? { system: SYSTEM.ucum, code: ucum.code } : {}) } } : {}),
    ...(m.assistLevel
      ? {
          component: [
            {
              code: { coding: [{ system: SYSTEM.observationKind, code: "assist-level", display: "Assist level" }], text: "Assist level" },
              valueCodeableConcept: { coding: [{ system: SYSTEM.assistLevel, code: m.assistLevel, display: ASSIST_LABEL[m.assistLevel] ?? m.assistLevel }] },
            },
          ],
        }
      : {}),
    ...(m.value === null && !m.assistLevel ? { dataAbsentReason: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "not-performed" }] } } : {}),
    ...(m.note ? { note: [{ text: m.note }] } : {}),
  };
}

/** The patient's attitude during the session (1–5) with its tags. Same id as the entry. */
export function toAttitudeObservation(e: FhirEntryRow): Observation | null {
  if (e.attitude === null) return null;
  return {
    resourceType: "Observation",
    id: e.id,
    ...common(e),
    code: { coding: [{ system: SYSTEM.observationKind, code: "attitude", display: "Attitude during session" }], text: "Attitude during session (1-5)" },
    valueInteger: e.attitude,
    ...(e.attitudeTags.length
      ? { component: e.attitudeTags.map((t) => ({ code: { coding: [{ system: SYSTEM.observationKind, code: "attitude-tag", display: "Attitude tag" }] }, valueString: t })) }
      : {}),
  };
}

/** Every Observation of one signed entry. */
export function toObservations(e: FhirEntryRow, d: FhirEntryDetails): Observation[] {
  const out = d.measures.filter((m) => m.observationId === e.id).map((m) => toGoalObservation(e, m));
  const attitude = toAttitudeObservation(e);
  return attitude ? [...out, attitude] : out;
}
