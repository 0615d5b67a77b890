/**
 * Methods the app serves, and a guard for the HTTP edge (scripts/serve.mjs) that answers the others 405.
 *
 * Why: Next builds a WHATWG Request for proxy.ts, and undici refuses to construct one for TRACE and
 * TRACK ("'TRACE' HTTP method is unsupported"), so such a request never reaches proxy.ts: Next answers
 * 500 and logs a stack trace. Methods the app does not serve are answered here with 405 instead.
 * proxy.ts refuses the other odd methods the same way.
 */
/** Keep in step with ALLOWED_METHODS in lib/security/request-limits.ts (a unit test compares them). */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"];

const HEADERS = {
  allow: ALLOWED_METHODS.join(", "),
  "content-type": "application/json",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

/** Wraps a request listener: odd methods get 405 and never reach Next. */
export function guardMethods(listener) {
  return function guarded(req, res) {
    if (ALLOWED_METHODS.includes(req.method ?? "")) return listener.call(this, req, res);
    req.resume();
    res.writeHead(405, HEADERS);
    res.end(JSON.stringify({ error: "Method not allowed." }));
  };
}
