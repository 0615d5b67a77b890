import type { Patient } from "@medplum/fhirtypes";
import type { FhirPatientRow } from "@/lib/patients/fhir-queries";
import { languageCode, mrnSystem, SYSTEM, US_CORE_PATIENT } from "../codes";
import { instant, ref } from "./context";

/**
 * US Core Patient: MRN under the clinic's system, legal and preferred names, birth date, language.
 * TheraTrack does not record administrative gender, so it is sent as "unknown" (a US Core value).
 */
export function toPatient(p: FhirPatientRow): Patient {
  const lang = languageCode(p.preferredLanguage);
  return {
    resourceType: "Patient",
    id: p.id,
    meta: { profile: [US_CORE_PATIENT], lastUpdated: instant(p.updatedAt) },
    identifier: [
      {
        use: "usual",
        type: { coding: [{ system: SYSTEM.mrnType, code: "MR", display: "Medical record number" }], text: "MRN" },
        system: mrnSystem(p.clinicId),
        value: p.mrn,
      },
    ],
    active: p.status === "active",
    name: [
      { use: "official", family: p.lastName, given: [p.firstName] },
      ...(p.preferredName ? [{ use: "usual" as const, family: p.lastName, given: [p.preferredName] }] : []),
    ],
    gender: "unknown",
    birthDate: p.dateOfBirth,
    communication: [
      {
        language: { ...(lang ? { coding: [{ system: SYSTEM.bcp47, code: lang, display: p.preferredLanguage }] } : {}), text: p.preferredLanguage },
        preferred: true,
      },
    ],
    extension: [{ url: SYSTEM.interpreterRequired, valueBoolean: p.interpreterNeeded }],
    ...(p.primaryTherapistId ? { generalPractitioner: [ref("Practitioner", p.primaryTherapistId)] } : {}),
  };
}
