import "server-only";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { auditDenied, requireActor } from "@/lib/auth/session";
import { AppError, isDatabaseUnavailable, type ErrorCode } from "@/lib/errors";
import { logError } from "@/lib/log";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | "INTERNAL"; message: string; fieldErrors?: Record<string, string[]> };

/** Turn whatever a verb throws into the result a form can show. Only AppError and validation
 * messages reach the user; anything else is logged (without input) and answered generically. */
export function toActionError(err: unknown, action: string): Extract<ActionResult<never>, { ok: false }> {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors };
  if (err instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of err.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return { ok: false, code: "VALIDATION", message: "Some fields need attention.", fieldErrors };
  }
  if (isDatabaseUnavailable(err)) {
    return { ok: false, code: "UNAVAILABLE", message: "The server cannot reach the database right now. Nothing was saved; try again in a moment." };
  }
  logError("action.failed", err, { action });
  return { ok: false, code: "INTERNAL", message: "Something went wrong on our side. Nothing was saved; try again." };
}

/**
 * The body of every server action: authenticate, run the verb (which authorizes and validates), and
 * map errors. Refusals (wrong role, another clinic's record) are audited.
 */
export async function runAction<T>(name: string, fn: (actor: Actor) => Promise<T>): Promise<ActionResult<T>> {
  let actor: Actor | null = null;
  try {
    actor = await requireActor();
    return { ok: true, data: await fn(actor) };
  } catch (err) {
    if (actor && err instanceof AppError && (err.code === "FORBIDDEN" || err.code === "NOT_FOUND")) {
      await auditDenied(actor, `action:${name}`, { code: err.code });
    }
    return toActionError(err, name);
  }
}
