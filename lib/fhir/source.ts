import "server-only";
import type { Resource } from "@medplum/fhirtypes";
import type { FhirType } from "@/lib/auth/permissions";
import { fhirCarePlanParts, fhirCarePlanPatientsPage, fhirDelegationsPage, fhirGoalsPage } from "@/lib/care/fhir-queries";
import { fhirEntryDetails, fhirSignedEntriesPage } from "@/lib/observations/fhir-queries";
import { fhirPatientsPage } from "@/lib/patients/fhir-queries";
import { fhirEncountersPage } from "@/lib/schedule/fhir-queries";
import { fhirPractitionersPage } from "@/lib/users/fhir-queries";
import type { ChartFilter, Cursor } from "./cursor";
import { toCarePlan, toTask } from "./mappers/care-plan";
import type { MapContext } from "./mappers/context";
import { toDocuments } from "./mappers/document-reference";
import { toEncounter } from "./mappers/encounter";
import { toGoal } from "./mappers/goal";
import { toObservations } from "./mappers/observation";
import { toPatient } from "./mappers/patient";
import { toPractitioner, toPractitionerRole } from "./mappers/practitioner";
import { toProvenance } from "./mappers/provenance";
import type { FhirPrincipal } from "./principal";

/** One page of FHIR resources of one type, the cursor after it, and the patients it is about. */
export type ResourcePage = { resources: Resource[]; next: Cursor | null; patientIds: string[] };

export type SourceFilter = ChartFilter & { ids?: string[] };

const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * Read one page of one type through the domain's scoped FHIR queries (each authorizes the caller for
 * the type first) and map its rows. The same code serves reads, searches, $everything and $export.
 */
export async function readPage(p: FhirPrincipal, ctx: MapContext, type: FhirType, f: SourceFilter): Promise<ResourcePage> {
  switch (type) {
    case "Patient": {
      const pg = await fhirPatientsPage(p, f);
      return { resources: pg.rows.map(toPatient), next: pg.next, patientIds: pg.rows.map((r) => r.id) };
    }
    case "Practitioner":
    case "PractitionerRole": {
      const pg = await fhirPractitionersPage(p, type, f);
      const map = (u: (typeof pg.rows)[number]): Resource => (type === "Practitioner" ? toPractitioner(u) : toPractitionerRole(u));
      return { resources: pg.rows.map(map), next: pg.next, patientIds: [] };
    }
    case "Encounter": {
      const pg = await fhirEncountersPage(p, f);
      return { resources: pg.rows.map((r) => toEncounter(r)), next: pg.next, patientIds: uniq(pg.rows.map((r) => r.patientId)) };
    }
    case "Goal": {
      const pg = await fhirGoalsPage(p, f);
      return { resources: pg.rows.map(toGoal), next: pg.next, patientIds: uniq(pg.rows.map((r) => r.patientId)) };
    }
    case "Task": {
      const pg = await fhirDelegationsPage(p, "Task", f);
      return { resources: pg.rows.map(toTask), next: pg.next, patientIds: uniq(pg.rows.map((r) => r.patientId)) };
    }
    case "CarePlan": {
      const pg = await fhirCarePlanPatientsPage(p, f);
      const ids = pg.rows.map((r) => r.patientId);
      const parts = await fhirCarePlanParts(p, ids);
      const resources = ids.map((id) =>
        toCarePlan(
          id,
          parts.delegations.filter((d) => d.patientId === id),
          parts.goals.filter((g) => g.patientId === id).map((g) => g.id),
        ),
      );
      return { resources, next: pg.next, patientIds: ids };
    }
    case "Observation":
    case "Provenance":
    case "DocumentReference": {
      const pg = await fhirSignedEntriesPage(p, type, f);
      const details = await fhirEntryDetails(p, type, pg.rows.map((r) => r.id));
      const map = (e: (typeof pg.rows)[number]): Resource[] =>
        type === "Observation" ? toObservations(e, details) : type === "Provenance" ? [toProvenance(e, details)] : toDocuments(ctx, e, details);
      return { resources: pg.rows.flatMap(map), next: pg.next, patientIds: uniq(pg.rows.map((r) => r.patientId)) };
    }
  }
}
