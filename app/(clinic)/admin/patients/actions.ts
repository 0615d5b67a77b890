"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { createPatient } from "@/lib/patients/create-patient";
import { dischargePatient } from "@/lib/patients/discharge-patient";
import type { PatientInput, UpdatePatientInput } from "@/lib/patients/schemas";
import { updatePatient } from "@/lib/patients/update-patient";
import type { CaseloadInput } from "@/lib/users/schemas";
import { setCaseload } from "@/lib/users/set-caseload";

export async function addPatient(input: PatientInput & { id?: string }) {
  return runAction("addPatient", async (actor) => {
    // the form opens the new patient's page (router.push): nothing here re-renders the form being left
    return createPatient(actor, input);
  });
}

export async function savePatient(input: UpdatePatientInput) {
  return runAction("savePatient", async (actor) => {
    const r = await updatePatient(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function dischargePatientAction(input: { patientId: string; version: number }) {
  return runAction("dischargePatient", async (actor) => {
    const r = await dischargePatient(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function assignPatientCaseload(input: CaseloadInput) {
  return runAction("assignPatientCaseload", async (actor) => {
    const r = await setCaseload(actor, input);
    refreshAfterSave();
    return r;
  });
}
