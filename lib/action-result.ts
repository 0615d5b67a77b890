import "server-only";
import { ZodError } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { auditDenied, requireActor } from "@/lib/auth/session";
import { AppError, isDatabaseUnavailable, type ErrorCode } from "@/lib/errors";
import { logError } from "@/lib/log";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { localizeFieldErrors, localizeText } from "@/lib/i18n/message-ref";
import { requestLocaleOrDefault, translatorFor } from "@/lib/i18n/server";
import "@/lib/i18n/zod-config";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode | "INTERNAL"; message: string; fieldErrors?: Record<string, string[]> };

/** Turn whatever a verb throws into the result a form can show, in the reader's language. Only AppError
 * and validation messages reach the user; anything else is logged (without input) and answered generically. */
export function toActionError(err: unknown, action: string, locale: Locale = DEFAULT_LOCALE): Extract<ActionResult<never>, { ok: false }> {
  const t = translatorFor(locale);
  if (err instanceof AppError) {
    const message = err.messageKey ? t(err.messageKey, err.messageValues) : localizeText(t, err.message);
    return { ok: false, code: err.code, message, fieldErrors: localizeFieldErrors(t, err.fieldErrors) };
  }
  if (err instanceof ZodError) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of err.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(localizeText(t, issue.message));
    return { ok: false, code: "VALIDATION", message: t("errors.validation"), fieldErrors };
  }
  if (isDatabaseUnavailable(err)) return { ok: false, code: "UNAVAILABLE", message: t("errors.unavailable") };
  logError("action.failed", err, { action });
  return { ok: false, code: "INTERNAL", message: t("errors.generic") };
}

/** The reader's language for an error answer; English when even that cannot be worked out (database down). */
export async function errorLocale(): Promise<Locale> {
  return requestLocaleOrDefault();
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
    return toActionError(err, name, await errorLocale());
  }
}
