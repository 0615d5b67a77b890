import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { auditDenied } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/errors";
import { logError } from "@/lib/log";
import type { OfflineErrorBody } from "./protocol";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function offlineJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function offlineError(status: number, code: OfflineErrorBody["code"], message: string, issues?: OfflineErrorBody["issues"]): Response {
  const body: OfflineErrorBody = issues ? { code, message, issues } : { code, message };
  return offlineJson(body, status, status === 503 ? { "Retry-After": "5" } : {});
}

/**
 * The offline endpoints' gate: an active session (401 keeps the tablet's outbox and asks for sign-in),
 * no password change due, and the offline:sync permission (403, audited). The database being down
 * is a 503, never a 500, and never mistaken for a signed-out user.
 */
export async function offlineActor(load: () => Promise<Actor | null>, where: string): Promise<{ actor: Actor } | { response: Response }> {
  let actor: Actor | null;
  try {
    actor = await load();
  } catch (err) {
    return { response: failure(err, where) };
  }
  if (!actor) return { response: offlineError(401, "UNAUTHENTICATED", "Your session has ended. Sign in again: nothing on this tablet is lost.") };
  if (actor.mustChangePassword) return { response: offlineError(403, "FORBIDDEN", "Set a new password first.") };
  if (!can(actor, "offline:sync")) {
    await auditDenied(actor, where, { permission: "offline:sync" });
    return { response: offlineError(403, "FORBIDDEN", "Your role does not work offline.") };
  }
  return { actor };
}

/** Anything unexpected: 503 when the database is unreachable, else logged and a generic 500 body. */
export function failure(err: unknown, where: string): Response {
  if (isDatabaseUnavailable(err)) return offlineError(503, "UNAVAILABLE", "The server cannot reach the database right now. Try again in a moment.");
  logError("offline.failed", err, { where });
  return offlineError(500, "INTERNAL", "Something went wrong on our side. Try again.");
}

/** The request body as text, or null once it grows past `max` bytes (a missing or lying
 * Content-Length does not get round the limit). */
export async function readCapped(req: Request, max: number): Promise<string | null> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
