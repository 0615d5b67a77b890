import "server-only";
import type { OperationOutcome } from "@medplum/fhirtypes";
import { ZodError } from "zod";
import { AppError, isDatabaseUnavailable, type ErrorCode } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { localizeText } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/lib/i18n/translate";
import { logError } from "@/lib/log";
import { auditFhir } from "./audit-fhir";
import { fhirPrincipal } from "./authenticate";
import { fhirBase } from "./base-url";
import type { FhirPrincipal } from "./principal";

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

export function fhirJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": FHIR_JSON, "cache-control": "no-store", ...headers } });
}

const ISSUE: Record<ErrorCode, { status: number; code: string }> = {
  UNAUTHENTICATED: { status: 401, code: "login" },
  FORBIDDEN: { status: 403, code: "forbidden" },
  NOT_FOUND: { status: 404, code: "not-found" },
  VALIDATION: { status: 400, code: "invalid" },
  CONFLICT: { status: 409, code: "conflict" },
  RATE_LIMITED: { status: 429, code: "throttled" },
  UNAVAILABLE: { status: 503, code: "transient" },
};

export function outcome(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body: OperationOutcome = { resourceType: "OperationOutcome", issue: [{ severity: "error", code: code as "invalid", diagnostics: message, details: { text: message } }] };
  return fhirJson(body, status, headers);
}

/** Any error as an OperationOutcome: AppError codes keep their message, anything else is logged and generic. */
export async function fhirError(err: unknown, p: FhirPrincipal | null, what: string): Promise<Response> {
  if (err instanceof ZodError) {
    // schema messages are catalog keys; an EMR's interface engine reads them in English
    const t = translatorFor(DEFAULT_LOCALE);
    return outcome(400, "invalid", err.issues.map((i) => `${i.path.join(".")}: ${localizeText(t, i.message)}`).join("; "));
  }
  if (err instanceof AppError) {
    if (p && (err.code === "FORBIDDEN" || err.code === "NOT_FOUND")) {
      await auditFhir(p, "access.denied", "route", { entityId: what.slice(0, 200), detail: { code: err.code } }).catch(() => undefined);
    }
    const i = ISSUE[err.code];
    const t = translatorFor(DEFAULT_LOCALE);
    const message = err.messageKey ? t(err.messageKey, err.messageValues) : localizeText(t, err.message);
    return outcome(i.status, i.code, message, err.code === "UNAUTHENTICATED" ? { "www-authenticate": 'Bearer realm="TheraTrack FHIR"' } : {});
  }
  if (isDatabaseUnavailable(err)) return outcome(503, "transient", "The server cannot reach its database right now. Try again in a moment.");
  logError("fhir.failed", err, { what });
  return outcome(500, "exception", "Something went wrong on our side. Try again.");
}

/**
 * The body of every FHIR route handler: authenticate (bearer token or session), run the lib function
 * (which authorizes and validates), answer FHIR JSON or an OperationOutcome.
 */
export async function fhirRoute(request: Request, what: string, fn: (p: FhirPrincipal, base: string) => Promise<Response | object>): Promise<Response> {
  let p: FhirPrincipal | null = null;
  try {
    p = await fhirPrincipal(request);
    const out = await fn(p, fhirBase(request.url));
    return out instanceof Response ? out : fhirJson(out);
  } catch (err) {
    return fhirError(err, p, what);
  }
}
