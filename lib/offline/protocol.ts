/**
 * The wire protocol between the tablet (service worker, IndexedDB store, outbox) and the server:
 * `POST /api/outbox`, `GET /api/working-set`, `GET /api/device-key`. Plain types and constants only, so
 * client code can import this without pulling in zod or any server module. Payload types are the
 * existing verbs' input types (type-only imports, erased at build time).
 */
import type { ObservationInput, ObservationSaveResult } from "@/lib/observations/schemas";
import type { ConcernInput, ProgressReportInput } from "@/lib/reports/schemas";
import type { VerbalReportInput, VerbalReportResult } from "@/lib/reports/verbal-report-schemas";
import type { CheckPrepItemInput, CompleteRoomPrepInput, PrepItemNoteInput, UncheckPrepItemInput } from "@/lib/rooms/schemas";
import type { AttendanceResult, RecordAttendanceInput, UndoAttendanceInput } from "@/lib/schedule/attendance-schemas";
import type { SupplyMovementInput } from "@/lib/supplies/schemas";

export const OUTBOX_PATH = "/api/outbox";
export const WORKING_SET_PATH = "/api/working-set";
export const DEVICE_KEY_PATH = "/api/device-key";

/** At most this many mutations in one POST /api/outbox; more is a 400. */
export const OUTBOX_MAX_BATCH = 100;
/** A request body larger than this (bytes) is answered 413 without being parsed. */
export const OUTBOX_MAX_BODY_BYTES = 1_000_000;

// ---------------------------------------------------------------------------------------------------
// Outbox

/** Each kind is replayed through the same lib/ verb as the server action for that write. */
export const MUTATION_KINDS = [
  "attendance.record", // lib/schedule/record-attendance.ts
  "attendance.undo", // lib/schedule/undo-attendance.ts
  "observation.save_draft", // lib/observations/save-observation-draft.ts
  "observation.submit", // lib/observations/submit-observation.ts
  "concern.raise", // lib/reports/raise-concern.ts
  "room_prep.check_item", // lib/rooms/check-prep-item.ts (result "ok", or "failed" for equipment)
  "room_prep.uncheck_item", // lib/rooms/uncheck-prep-item.ts
  "room_prep.set_note", // lib/rooms/set-prep-item-note.ts
  "room_prep.complete", // lib/rooms/complete-room-prep.ts ("room ready")
  "supply.move", // lib/supplies/record-supply-movement.ts
  "report.submit", // lib/reports/submit-progress-report.ts
  "verbal_report.log", // lib/reports/log-verbal-report.ts
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export type MutationPayloads = {
  "attendance.record": RecordAttendanceInput;
  "attendance.undo": UndoAttendanceInput;
  "observation.save_draft": ObservationInput;
  "observation.submit": ObservationInput;
  "concern.raise": ConcernInput;
  "room_prep.check_item": CheckPrepItemInput;
  "room_prep.uncheck_item": UncheckPrepItemInput;
  "room_prep.set_note": PrepItemNoteInput;
  "room_prep.complete": CompleteRoomPrepInput;
  "supply.move": SupplyMovementInput;
  "report.submit": ProgressReportInput;
  "verbal_report.log": VerbalReportInput;
};

/** What each verb answers (`data` of an applied or duplicate result). */
export type MutationResults = {
  "attendance.record": AttendanceResult;
  "attendance.undo": AttendanceResult;
  "observation.save_draft": ObservationSaveResult;
  "observation.submit": ObservationSaveResult;
  "concern.raise": { id: string };
  "room_prep.check_item": { itemId: string; version: number; equipmentFlagged: boolean };
  "room_prep.uncheck_item": { itemId: string; version: number };
  "room_prep.set_note": { itemId: string; version: number; note: string | null };
  "room_prep.complete": { prepId: string; status: "ready"; alreadyReady: boolean };
  "supply.move": { movementId: string; onHand: number; low?: boolean; duplicate: boolean };
  "report.submit": { id: string };
  "verbal_report.log": VerbalReportResult;
};

export type OutboxMutation<K extends MutationKind = MutationKind> = {
  [P in K]: {
    /** made on the tablet (crypto.randomUUID(), v4); the ledger key: the same id is applied once */
    id: string;
    kind: P;
    payload: MutationPayloads[P];
    /** when the aide did it, ISO 8601 (kept in the ledger; the verbs use the server's clock) */
    createdAt: string;
    /**
     * The id of an earlier mutation of this outbox on the same record (a draft save before its
     * submit, an attendance tap before its undo, a tick before a note). The server then replaces
     * `payload.version` with the version that mutation's answer produced, so writes queued offline
     * chain without the tablet guessing versions. If that mutation did not apply, this one answers
     * `conflict`; if the server has not processed it yet, `retry` (NOT_ATTEMPTED).
     */
    basedOn?: string;
  };
}[K];

export type OutboxRequest = {
  mutations: OutboxMutation[];
  /** whose outbox this is: if the signed-in user is someone else, 409 WRONG_USER and nothing is
   * processed (a tablet shared between aides never sends one aide's changes as another's) */
  userId?: string;
};

/**
 * - applied:   the verb ran now and its change is committed; `data` is the verb's answer.
 * - duplicate: this id was already processed for this user; `firstOutcome`, `code`, `message` and
 *              `data` are exactly the first answer (nothing changed now).
 * - conflict:  final; the server's state moved on (stale version, a therapist recorded attendance
 *              first, entry already submitted…). Show the message; resending needs a NEW id.
 * - refused:   final; not allowed or not valid (appointment cancelled, delegation ended, wrong role,
 *              not found, validation). Show the message with what the aide entered.
 * - retry:     NOT recorded; a transient failure (database unavailable, serialization failure, an
 *              unexpected server error) or not attempted because an earlier mutation of the batch
 *              had to be retried. Keep it in the outbox and send the same id again later.
 */
export type OutboxOutcome = "applied" | "duplicate" | "conflict" | "refused" | "retry";
export type FinalOutcome = Exclude<OutboxOutcome, "duplicate" | "retry">;

/** AppError codes, plus NOT_ATTEMPTED (a retry because an earlier mutation stopped the batch) and
 * INTERNAL (an unexpected server error: retried, never recorded). */
export type OutboxResultCode =
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "VALIDATION"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL"
  | "NOT_ATTEMPTED";

export type OutboxResult = {
  id: string;
  outcome: OutboxOutcome;
  /** for duplicates: what the first processing answered */
  firstOutcome?: FinalOutcome;
  code?: OutboxResultCode;
  message?: string;
  /** zod issues by field path, for refusals with code VALIDATION */
  fieldErrors?: Record<string, string[]>;
  data?: unknown;
};

/** 200: one result per mutation, in the order sent. */
export type OutboxResponse = { results: OutboxResult[]; serverTime: string };

/** Body of a non-200 answer of any of the three endpoints: 400 malformed batch, 401 session gone
 * (keep the outbox, ask for sign-in), 403 wrong role or a password change is due, 409 WRONG_USER (the
 * batch's userId is not the signed-in user: keep it for that user), 413 body too
 * large, 503 the database is unavailable (nothing was processed; retry later, see Retry-After). */
export type OfflineErrorBody = {
  code: "VALIDATION" | "UNAUTHENTICATED" | "FORBIDDEN" | "PASSWORD_CHANGE_REQUIRED" | "WRONG_USER" | "PAYLOAD_TOO_LARGE" | "UNAVAILABLE" | "INTERNAL";
  message: string;
  /** for 400: which mutation (index) and field was wrong */
  issues?: { path: string; message: string }[];
};

// Working set: GET /api/working-set (ETag / If-None-Match → 304, Cache-Control: no-store): the
// types are in ./working-set-types (re-exported here).
export * from "./working-set-types";

// ---------------------------------------------------------------------------------------------------
// Device key: GET /api/device-key

export type DeviceKeyResponse = {
  userId: string;
  /** 32 bytes, base64url: the key-encryption key that unwraps the tablet's local data key */
  key: string;
  /** bumped if the derivation changes; the client re-wraps its data key under the new one */
  keyVersion: 1;
};

// ---------------------------------------------------------------------------------------------------
// Shared tablets (README "Shared tablets"): enrol this tablet for the signed-in aide's PIN sign-in, and
// the one-time challenge a PIN sign-in answers (then next-auth's "pin" provider).

export const ENROL_PATH = "/api/tablet/enrolments";
export const PIN_CHALLENGE_PATH = "/api/tablet/pin-challenge";
/** POST ENROL_PATH body (the public key only: the private key stays on the tablet, wrapped under the PIN) */
export type EnrolRequest = { deviceId: string; publicKey: string };
export type EnrolResponse = { enrolmentId: string; expiresAt: string };
export type PinChallengeResponse = { challengeId: string; nonce: string; expiresAt: string };
/** next-auth's error for an enrolment the tablet should drop (lib/auth/options.ts) */
export const ENROLMENT_ENDED = "ENROLMENT_ENDED";
export const SIGN_IN_RATE_LIMITED = "RATE_LIMITED";
