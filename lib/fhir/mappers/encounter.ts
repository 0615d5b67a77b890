import type { Encounter, EncounterParticipant } from "@medplum/fhirtypes";
import type { FhirEncounterRow } from "@/lib/schedule/fhir-queries";
import { SYSTEM } from "../codes";
import { instant, ref } from "./context";

const participant = (code: "PPRF" | "SPRF", display: string, id: string): EncounterParticipant => ({
  type: [{ coding: [{ system: SYSTEM.participationType, code, display }] }],
  individual: ref("Practitioner", id),
});

/** An attended appointment: the therapist as primary performer, the assistant as secondary, the room;
 * a late arrival starts the period at the arrival time. */
export function toEncounter(a: FhirEncounterRow, now = new Date()): Encounter {
  return {
    resourceType: "Encounter",
    id: a.id,
    status: a.endsAt <= now ? "finished" : "in-progress",
    class: { system: SYSTEM.actCode, code: "AMB", display: "ambulatory" },
    type: [{ text: "Therapy session" }],
    subject: ref("Patient", a.patientId),
    participant: [participant("PPRF", "primary performer", a.therapistId), ...(a.assistantId ? [participant("SPRF", "secondary performer", a.assistantId)] : [])],
    period: { start: instant(a.arrivedAt ?? a.startsAt), end: instant(a.endsAt) },
    location: [{ location: { display: a.roomName } }],
  };
}
