import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { saveObservationDraft } from "@/lib/observations/save-observation-draft";
import { submitObservation } from "@/lib/observations/submit-observation";
import { logVerbalReport } from "@/lib/reports/log-verbal-report";
import { raiseConcern } from "@/lib/reports/raise-concern";
import { submitProgressReport } from "@/lib/reports/submit-progress-report";
import { checkPrepItem } from "@/lib/rooms/check-prep-item";
import { completeRoomPrep } from "@/lib/rooms/complete-room-prep";
import { setPrepItemNote } from "@/lib/rooms/set-prep-item-note";
import { uncheckPrepItem } from "@/lib/rooms/uncheck-prep-item";
import { recordAttendance } from "@/lib/schedule/record-attendance";
import { undoAttendance } from "@/lib/schedule/undo-attendance";
import { recordSupplyMovement } from "@/lib/supplies/record-supply-movement";
import type { MutationKind } from "./protocol";

/** Each outbox kind runs the same verb as its server action: one way to do each write. */
export const OUTBOX_VERBS: Record<MutationKind, (actor: Actor, input: unknown) => Promise<unknown>> = {
  "attendance.record": recordAttendance,
  "attendance.undo": undoAttendance,
  "observation.save_draft": saveObservationDraft,
  "observation.submit": submitObservation,
  "concern.raise": raiseConcern,
  "room_prep.check_item": checkPrepItem,
  "room_prep.uncheck_item": uncheckPrepItem,
  "room_prep.set_note": setPrepItemNote,
  "room_prep.complete": completeRoomPrep,
  "supply.move": recordSupplyMovement,
  "report.submit": submitProgressReport,
  "verbal_report.log": logVerbalReport,
};
