import type { Practitioner, PractitionerRole } from "@medplum/fhirtypes";
import type { FhirPractitionerRow } from "@/lib/users/fhir-queries";
import { DISCIPLINE, SYSTEM } from "../codes";
import { ref, splitName } from "./context";

/** A therapist or assistant, with their title (credential) as a qualification. No contact details. */
export function toPractitioner(u: FhirPractitionerRow): Practitioner {
  const { family, given } = splitName(u.name);
  return {
    resourceType: "Practitioner",
    id: u.id,
    active: u.active,
    name: [{ text: u.name, family, ...(given.length ? { given } : {}) }],
    ...(u.title ? { qualification: [{ code: { text: u.title } }] } : {}),
  };
}

/** Their role in the clinic (therapist or assistant) and, for therapists, the discipline. */
export function toPractitionerRole(u: FhirPractitionerRow): PractitionerRole {
  const d = u.discipline ? DISCIPLINE[u.discipline] : null;
  return {
    resourceType: "PractitionerRole",
    id: u.id,
    active: u.active,
    practitioner: ref("Practitioner", u.id, u.name),
    code: [
      {
        coding: [{ system: SYSTEM.staffRole, code: u.role, display: u.role === "therapist" ? "Therapist" : "Therapy assistant (aide)" }],
        text: u.title ?? (u.role === "therapist" ? "Therapist" : "Therapy assistant"),
      },
    ],
    ...(d && u.discipline ? { specialty: [{ coding: [{ system: SYSTEM.nucc, code: d.nucc, display: d.display }], text: u.discipline }] } : {}),
  };
}
