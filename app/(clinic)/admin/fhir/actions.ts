"use server";

import { revalidatePath } from "next/cache";
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
    revalidatePath("/admin/fhir");
    return r;
  });
}

export async function revokeFhirClient(input: RevokeClientInput) {
  return runAction("revokeFhirClient", async (actor) => {
    const r = await revokeClient(actor, input);
    revalidatePath("/admin/fhir");
    return r;
  });
}

export async function importFhirPatients(input: ImportPatientsInput) {
  return runAction("importFhirPatients", async (actor) => {
    const r = await importPatients(actor, input);
    revalidatePath("/admin/patients");
    return importReport(r, translatorFor(await actorLocale(actor)));
  });
}
