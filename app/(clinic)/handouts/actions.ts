"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { archiveHandout } from "@/lib/handouts/archive-handout";
import { createHandout } from "@/lib/handouts/create-handout";
import { linkHandout } from "@/lib/handouts/link-handout";
import { reviseHandout } from "@/lib/handouts/revise-handout";
import { unlinkHandout } from "@/lib/handouts/unlink-handout";

type Input = Record<string, string>;

export async function createHandoutAction(input: Input) {
  return runAction("createHandout", async (actor) => {
    // the form opens the new handout (router.push): nothing here re-renders the form being left
    return createHandout(actor, input);
  });
}

export async function reviseHandoutAction(input: Input) {
  return runAction("reviseHandout", async (actor) => {
    const r = await reviseHandout(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function archiveHandoutAction(input: { handoutId: string; archived: boolean }) {
  return runAction("archiveHandout", async (actor) => {
    const r = await archiveHandout(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function linkHandoutAction(input: Input) {
  return runAction("linkHandout", async (actor) => {
    const r = await linkHandout(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function unlinkHandoutAction(input: { linkId: string }) {
  return runAction("unlinkHandout", async (actor) => {
    const r = await unlinkHandout(actor, input);
    refreshAfterSave();
    return r;
  });
}
