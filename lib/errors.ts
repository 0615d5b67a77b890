import { englishText } from "@/lib/i18n/english";
import type { MessageRef, MessageValues } from "@/lib/i18n/message-ref";

export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "VALIDATION",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The only error whose message may reach a user. Anything else is logged and shown generically.
 * Given a catalog key (`{ key, values }`), its message is the English text (logs, tests) and the key travels
 * with it, so the edge shows it in the reader's language (lib/i18n/server.ts). Plain English text still
 * works and is shown as it is. */
export class AppError extends Error {
  readonly messageKey?: string;
  readonly messageValues?: MessageValues;
  constructor(
    readonly code: ErrorCode,
    message: string | MessageRef,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(typeof message === "string" ? message : englishText(message.key, message.values));
    this.name = "AppError";
    if (typeof message !== "string") {
      this.messageKey = message.key;
      this.messageValues = message.values;
    }
  }
}

/** English names of records as callers pass them, and their catalog keys (errors.notFound.*). */
const NOT_FOUND_KEYS: Record<string, string> = {
  Record: "record",
  Patient: "patient",
  Appointment: "appointment",
  "Active goal of this patient": "activeGoal",
  "Assistant you supervise": "supervisedAssistant",
  "Checklist item": "checklistItem",
  Checklist: "checklist",
  Client: "fhirClient",
  Clinic: "clinic",
  Concern: "concern",
  Delegation: "delegation",
  Entry: "entry",
  Equipment: "equipment",
  Goal: "goal",
  Report: "report",
  "Room checklist": "roomChecklist",
  Room: "room",
  Series: "series",
  "Staff member": "staffMember",
  Supply: "supply",
};

export const notFound = (what = "Record") => {
  const key = NOT_FOUND_KEYS[what];
  return new AppError("NOT_FOUND", key ? { key: `errors.notFound.${key}` } : `${what} not found.`);
};
export const forbidden = (message?: string) => new AppError("FORBIDDEN", message ?? { key: "errors.forbidden" });
export const conflict = (message: string | MessageRef) => new AppError("CONFLICT", message);

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** PostgreSQL SQLSTATE of a driver error (postgres.js and PGlite both expose `code`). */
export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when the database could not be reached (connection refused, reset, shutting down). */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = pgErrorCode(err);
  if (code && (code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03")) return true;
  let e: unknown = err;
  for (let depth = 0; e && depth < 4; depth++) {
    const c = (e as { code?: unknown }).code;
    if (c === "ECONNREFUSED" || c === "ECONNRESET" || c === "CONNECTION_CLOSED" || c === "CONNECT_TIMEOUT" || c === "CONNECTION_ENDED")
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
