import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { auditDenied } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorLocale, toActionError } from "@/lib/action-result";
import type { ExportFile } from "@/lib/export/table";

const STATUS: Partial<Record<AppError["code"], number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION: 400 };

/** Export route errors: a status and the AppError message, refusals audited; anything else logged. */
export async function exportError(err: unknown, actor: Actor | null, what: string): Promise<Response> {
  if (err instanceof AppError) {
    if (actor && (err.code === "FORBIDDEN" || err.code === "NOT_FOUND")) await auditDenied(actor, what, { code: err.code });
    const { message } = toActionError(err, what, await errorLocale());
    return new Response(message, { status: STATUS[err.code] ?? 409, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  // logged there, answered in the reader's language
  const { message } = toActionError(err, what, await errorLocale());
  return new Response(message, { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** A finished export as a download: its own content type and file name, never cached. */
export function exportResponse(file: ExportFile): Response {
  return new Response(typeof file.body === "string" ? file.body : Buffer.from(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
}
