"use server";

import { refreshAfterSave } from "@/lib/after-save";
import { runAction } from "@/lib/action-result";
import { checkPrepItem } from "@/lib/rooms/check-prep-item";
import { completeRoomPrep } from "@/lib/rooms/complete-room-prep";
import { createEquipment } from "@/lib/rooms/create-equipment";
import type { CreateEquipmentInput, EquipmentStatusInput, PrepItemNoteInput } from "@/lib/rooms/schemas";
import { setEquipmentStatus } from "@/lib/rooms/set-equipment-status";
import { setPrepItemNote } from "@/lib/rooms/set-prep-item-note";
import { uncheckPrepItem } from "@/lib/rooms/uncheck-prep-item";

export async function checkItem(input: { itemId: string; result: "ok" | "failed" }) {
  return runAction("checkItem", async (actor) => {
    // the checklist re-renders itself (components/rooms/prep-checklist.tsx: router.refresh() once)
    return checkPrepItem(actor, input);
  });
}

export async function uncheckItem(input: { itemId: string }) {
  return runAction("uncheckItem", async (actor) => {
    // the checklist re-renders itself (components/rooms/prep-checklist.tsx: router.refresh() once)
    return uncheckPrepItem(actor, input);
  });
}

export async function saveItemNote(input: PrepItemNoteInput) {
  return runAction("saveItemNote", async (actor) => {
    // the checklist re-renders itself (components/rooms/prep-checklist.tsx: router.refresh() once)
    return setPrepItemNote(actor, input);
  });
}

export async function completePrep(input: { prepId: string }) {
  return runAction("completePrep", async (actor) => {
    // the checklist re-renders itself (components/rooms/prep-checklist.tsx: router.refresh() once)
    return completeRoomPrep(actor, input);
  });
}

export async function saveEquipmentStatus(input: EquipmentStatusInput) {
  return runAction("saveEquipmentStatus", async (actor) => {
    const r = await setEquipmentStatus(actor, input);
    refreshAfterSave();
    return r;
  });
}

export async function addEquipment(input: CreateEquipmentInput) {
  return runAction("addEquipment", async (actor) => {
    const r = await createEquipment(actor, input);
    refreshAfterSave();
    return r;
  });
}
