/** Security headers for every response (DESIGN §2; issue "Foundation" item 7). Pure, shared by
 * proxy.ts (pages, with a per-request nonce) and next.config.js (static files). */
export function contentSecurityPolicy(nonce: string | null, dev: boolean, scriptHashes?: string[]): string {
  // Static shells (no nonce possible): their inline scripts by hash, their chunks from 'self'.
  const script = scriptHashes?.length
    ? `'self' ${scriptHashes.join(" ")}`
    : nonce
      ? `'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`
      : `'self'${dev ? " 'unsafe-eval'" : ""}`;
  return [
    "default-src 'self'",
    `script-src ${script}`,
    // React and Next set style attributes at run time; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};
