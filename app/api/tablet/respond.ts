import "server-only";
import { errorLocale, toActionError } from "@/lib/action-result";
import { NO_STORE } from "@/lib/offline/http";

const STATUS: Record<string, number> = { VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, UNAVAILABLE: 503 };

/** A shared-tablet route's answer: JSON, never stored; errors as { code, message } in the reader's language. */
export async function tabletJson(run: () => Promise<unknown>, where: string): Promise<Response> {
  try {
    return Response.json(await run(), { headers: NO_STORE });
  } catch (err) {
    const e = toActionError(err, where, await errorLocale());
    return Response.json({ code: e.code, message: e.message, fieldErrors: e.fieldErrors }, { status: STATUS[e.code] ?? 500, headers: NO_STORE });
  }
}

export async function jsonBody(req: Request): Promise<unknown> {
  if (Number(req.headers.get("content-length") ?? 0) > 10_000) return null;
  try {
    return JSON.parse((await req.text()).slice(0, 10_000));
  } catch {
    return null;
  }
}
