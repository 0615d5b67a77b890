"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { createGoal } from "@/lib/care/create-goal";
import { delegateTask } from "@/lib/care/delegate-task";
import { endDelegation } from "@/lib/care/end-delegation";
import { endGoal } from "@/lib/care/end-goal";
import { recordCompetency } from "@/lib/care/record-competency";
import { setPrecautions } from "@/lib/care/set-precautions";

type Input = Record<string, string>;

export async function createGoalAction(input: Input) {
  return runAction("createGoal", async (actor) => {
    const r = await createGoal(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function endGoalAction(input: Input) {
  return runAction("endGoal", async (actor) => {
    const r = await endGoal(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function delegateTaskAction(input: Input) {
  return runAction("delegateTask", async (actor) => {
    const r = await delegateTask(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function endDelegationAction(input: Input) {
  return runAction("endDelegation", async (actor) => {
    const r = await endDelegation(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function recordCompetencyAction(input: Input) {
  return runAction("recordCompetency", async (actor) => {
    const r = await recordCompetency(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function setPrecautionsAction(input: Input) {
  return runAction("setPrecautions", async (actor) => {
    const r = await setPrecautions(actor, input);
    refreshAfterSave();
    return r;
  });
}
