import type { Provenance } from "@medplum/fhirtypes";
import type { FhirEntryDetails, FhirEntryRow } from "@/lib/observations/fhir-queries";
import { SYSTEM } from "../codes";
import { instant, ref } from "./context";

const agentType = (code: "performer" | "attester", display: string) => ({ coding: [{ system: SYSTEM.provenanceAgent, code, display }] });

/** Who captured a signed entry (the assistant), who signed (adopted) it and when. */
export function toProvenance(e: FhirEntryRow, d: FhirEntryDetails): Provenance {
  const measures = d.measures.filter((m) => m.observationId === e.id);
  return {
    resourceType: "Provenance",
    id: e.id,
    target: [
      ref("DocumentReference", e.id),
      ...measures.map((m) => ref("Observation", m.id)),
      ...(e.attitude !== null ? [ref("Observation", e.id)] : []),
    ],
    occurredDateTime: instant(e.startsAt),
    recorded: instant(e.signedAt),
    agent: [
      { type: agentType("performer", "Performer"), who: ref("Practitioner", e.capturedBy, e.capturedByLabel) },
      { type: agentType("attester", "Attester"), who: ref("Practitioner", e.signedBy, e.signedByLabel) },
    ],
    signature: [
      {
        type: [{ system: SYSTEM.signatureType, code: "1.2.840.10065.1.12.1.5", display: "Verification Signature" }],
        when: instant(e.signedAt),
        who: ref("Practitioner", e.signedBy, e.signedByLabel),
      },
    ],
  };
}
