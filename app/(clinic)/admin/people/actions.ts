"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { changeRole } from "@/lib/users/change-role";
import { createUser } from "@/lib/users/create-user";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { resetPassword } from "@/lib/users/reset-password";
import type { CaseloadInput, ChangeRoleInput, CreateUserInput, ResetPasswordInput, SupervisionInput } from "@/lib/users/schemas";
import { setCaseload } from "@/lib/users/set-caseload";
import { setSupervision } from "@/lib/users/set-supervision";

export async function addPerson(input: CreateUserInput) {
  return runAction("addPerson", async (actor) => {
    const r = await createUser(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function deactivatePerson(input: { userId: string; version: number }) {
  return runAction("deactivatePerson", async (actor) => {
    const r = await deactivateUser(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function reactivatePerson(input: { userId: string; version: number }) {
  return runAction("reactivatePerson", async (actor) => {
    const r = await reactivateUser(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function resetPersonPassword(input: ResetPasswordInput) {
  return runAction("resetPersonPassword", async (actor) => {
    const r = await resetPassword(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function changePersonRole(input: ChangeRoleInput) {
  return runAction("changePersonRole", async (actor) => {
    const r = await changeRole(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function assignSupervision(input: SupervisionInput) {
  return runAction("assignSupervision", async (actor) => {
    const r = await setSupervision(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function assignCaseload(input: CaseloadInput) {
  return runAction("assignCaseload", async (actor) => {
    const r = await setCaseload(actor, input);
    refreshAfterSave();
    return r;
  });
}
