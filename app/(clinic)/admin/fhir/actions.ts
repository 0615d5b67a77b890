"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import type { ImportPatientsInput, RegisterClientInput, RevokeClientInput } from "@/lib/fhir/schemas";
import { registerClient } from "@/lib/fhir/smart/register-client";
import { revokeClient } from "@/lib/fhir/smart/revoke-client";
import { actorLocale } from "@/lib/i18n/actor-locale";
import { translatorFor } from "@/lib/i18n/translate";
import { importPatients, importReport } from "@/lib/patients/import-patients";

export async function registerFhirClient(input: RegisterClientInput) {
  return runAction("registerFhirClient", async (actor) => {
    const r = await registerClient(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function revokeFhirClient(input: RevokeClientInput) {
  return runAction("revokeFhirClient", async (actor) => {
    const r = await revokeClient(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function importFhirPatients(input: ImportPatientsInput) {
  return runAction("importFhirPatients", async (actor) => {
    // the import page shows nothing the import changes (its result table is the answer itself), so it
    // is not re-rendered; the patient list reads the new rows on its next visit
    const r = await importPatients(actor, input);
    return importReport(r, translatorFor(await actorLocale(actor)));
  });
}
