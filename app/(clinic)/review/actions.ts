"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { amendObservation } from "@/lib/observations/amend-observation";
import { returnObservation } from "@/lib/observations/return-observation";
import { signObservation } from "@/lib/observations/sign-observation";
import { acknowledgeConcern } from "@/lib/reports/acknowledge-concern";
import { acknowledgeReport } from "@/lib/reports/acknowledge-report";

type Input = Record<string, string>;

export async function signEntry(input: Input) {
  return runAction("signEntry", async (actor) => {
    const r = await signObservation(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function returnEntry(input: Input) {
  return runAction("returnEntry", async (actor) => {
    const r = await returnObservation(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function amendEntry(input: Input) {
  return runAction("amendEntry", async (actor) => {
    const r = await amendObservation(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function acknowledgeConcernAction(input: Input) {
  return runAction("acknowledgeConcern", async (actor) => {
    // the form replaces the page with /review?acknowledged=concern (router.replace), which renders it
    return acknowledgeConcern(actor, input);
  });
}

export async function acknowledgeReportAction(input: Input) {
  return runAction("acknowledgeReport", async (actor) => {
    const r = await acknowledgeReport(actor, input);
    refreshAfterSave();
    return r;
  });
}
