"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/action-result";
import type { RecordAttendanceInput, UndoAttendanceInput } from "@/lib/schedule/attendance-schemas";
import { recordAttendance } from "@/lib/schedule/record-attendance";
import { undoAttendance } from "@/lib/schedule/undo-attendance";

export async function recordAttendanceAction(input: RecordAttendanceInput) {
  return runAction("recordAttendance", async (actor) => {
    const result = await recordAttendance(actor, input);
    revalidatePath("/today");
    return result;
  });
}

export async function undoAttendanceAction(input: UndoAttendanceInput) {
  return runAction("undoAttendance", async (actor) => {
    const result = await undoAttendance(actor, input);
    revalidatePath("/today");
    return result;
  });
}
