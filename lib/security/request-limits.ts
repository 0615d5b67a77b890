/**
 * Requests the framework would answer with a 500 although the client is at fault, refused in proxy.ts
 * with the status that says so:
 * - methods the app does not serve (TRACE, PUT, …): 405, instead of a stack trace in the log;
 * - a server-action body over the limit: 413 (Next throws "Body exceeded 1 MB limit" and answers 500);
 * - a path whose percent-encoding is not UTF-8 (/patients/%ED%A0%80): 400, where Next's decoding of
 *   the dynamic segment failed with a 500.
 * Pure (no server-only): proxy.ts runs it, the unit tests call it directly.
 */

/** The methods any page or route handler of the app answers. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/** Server actions take small JSON arguments; keep in step with experimental.serverActions.bodySizeLimit in next.config.js. */
export const ACTION_BODY_LIMIT = 1024 * 1024;

export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method);
}

/**
 * True when a body is over `limit` bytes: by its Content-Length when it has one, else (chunked) by
 * reading at most limit + 1 bytes of it.
 */
export async function bodyOverLimit(headers: Headers, body: ReadableStream<Uint8Array> | null, limit = ACTION_BODY_LIMIT): Promise<boolean> {
  const declared = headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim())) return Number(declared) > limit;
  if (!body) return false;
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      size += value.byteLength;
      if (size > limit) return true;
    }
  } finally {
    // not awaited: the body proxy.ts reads is one branch of a tee, and cancelling a branch settles only
    // once the other branch (the request Next keeps) is cancelled too
    reader.cancel().catch(() => undefined);
  }
}

/** False when the path's percent-escapes do not decode as UTF-8. */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
