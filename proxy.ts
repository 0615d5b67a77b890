import { NextResponse, type NextRequest } from "next/server";
import { resolveForwarded, trustConfigFromEnv } from "@/lib/net/trusted-hops";
import { isWellFormedActionBody } from "@/lib/security/action-body";
import { OFFLINE_PAGE, SHELL_URLS, shellFor } from "@/lib/offline/shell-routes";
import { ALLOWED_METHODS, bodyOverLimit, isAllowedMethod, isDecodablePath } from "@/lib/security/request-limits";
import { contentSecurityPolicy, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";
import { shellScriptHashes } from "@/lib/security/shell-csp";

const PUBLIC_PATHS = ["/login", "/api/auth", "/api/health"];
const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameOrigin(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  // X-Forwarded-Host counts only from a trusted proxy (lib/net/trusted-hops.ts); otherwise Host.
  const { host } = resolveForwarded(
    { forwardedFor: req.headers.get("x-forwarded-for"), forwardedHost: req.headers.get("x-forwarded-host"), host: req.headers.get("host") },
    trustConfigFromEnv(),
  );
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function isMachineFhirRequest(req: NextRequest): boolean {
  const { pathname } = req.nextUrl;
  if (!pathname.startsWith("/fhir/")) return false;
  if (pathname === "/fhir/R4/auth/token") return true;
  return /^Bearer\s/i.test(req.headers.get("authorization") ?? "") && !SESSION_COOKIES.some((n) => req.cookies.has(n));
}

/**
 * Headers and conveniences only. This is NOT the security boundary: every page, action and route
 * handler authenticates and authorizes itself on the server (lib/auth/session.ts).
 */
export async function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const dev = process.env.NODE_ENV !== "production";

  // TRACE, PUT and the like: no page or route answers them, and the framework would answer 500.
  if (!isAllowedMethod(req.method)) {
    const res = NextResponse.json({ error: "Method not allowed." }, { status: 405, headers: { Allow: ALLOWED_METHODS.join(", ") } });
    return withHeaders(res, null, dev, true);
  }

  if (!isDecodablePath(pathname)) {
    return withHeaders(NextResponse.json({ error: "Malformed address." }, { status: 400 }), null, dev, true);
  }

  // Mutations must come from our own pages (server actions check this too; route handlers rely on it).
  // Machine clients of the FHIR API send no cookies and no Origin: the SMART token endpoint, and calls
  // carrying a bearer token (a cross-site page cannot attach one), are not open to CSRF.
  if (!SAFE_METHODS.has(req.method) && !sameOrigin(req) && !isMachineFhirRequest(req)) {
    return withHeaders(NextResponse.json({ error: "Cross-origin request refused." }, { status: 403 }), null, dev, true);
  }

  // An oversized or malformed server-action body would make the framework answer 500; it is the client's error.
  if (req.method === "POST" && req.headers.has("next-action") && (await bodyOverLimit(req.headers, req.clone().body))) {
    return withHeaders(NextResponse.json({ error: "The request is too large." }, { status: 413 }), null, dev, true);
  }
  if (req.method === "POST" && req.headers.has("next-action") && (req.headers.get("content-type") ?? "").startsWith("text/plain")) {
    if (!isWellFormedActionBody(await req.clone().text())) {
      return withHeaders(NextResponse.json({ error: "Malformed request." }, { status: 400 }), null, dev, true);
    }
  }

  const signedIn = SESSION_COOKIES.some((n) => req.cookies.has(n));
  const isPublic = pathname === "/" || PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (!signedIn && !isPublic && req.method === "GET" && !pathname.startsWith("/api/") && !pathname.startsWith("/fhir/")) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    if (pathname !== "/") url.searchParams.set("next", pathname);
    return withHeaders(NextResponse.redirect(url), null, dev, true);
  }

  // The assistant's static shells (one for every /sessions/<id>) and the offline page: no data in them,
  // hash-based CSP (prerendered, they cannot carry a nonce, and their scripts pick the language on the device).
  const shell = SAFE_METHODS.has(req.method) ? (shellFor(pathname) ?? (pathname === OFFLINE_PAGE ? OFFLINE_PAGE : null)) : null;
  if (shell) {
    const hashes = dev ? null : shellScriptHashes(SHELL_URLS);
    if (hashes) {
      const res = shell === pathname ? NextResponse.next() : NextResponse.rewrite(new URL(shell, req.url));
      return withHeaders(res, contentSecurityPolicy(null, dev, hashes), dev, true);
    }
    if (shell !== pathname) {
      const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
      const csp = contentSecurityPolicy(nonce, dev);
      const requestHeaders = new Headers(req.headers);
      requestHeaders.set("content-security-policy", csp);
      requestHeaders.set("x-nonce", nonce);
      return withHeaders(NextResponse.rewrite(new URL(shell, req.url), { request: { headers: requestHeaders } }), csp, dev, true);
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, dev);
  const requestHeaders = new Headers(req.headers);
  // Next reads the nonce for its own scripts from the request's CSP header.
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(res, csp, dev, signedIn || !pathname.startsWith("/_next/static"));
}

function withHeaders(res: NextResponse, csp: string | null, dev: boolean, noStore: boolean): NextResponse {
  res.headers.set("Content-Security-Policy", csp ?? contentSecurityPolicy(null, dev));
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(k, v);
  // Pages may show patient data: never keep them in a shared or browser cache.
  if (noStore) res.headers.set("Cache-Control", "no-store, max-age=0");
  return res;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|fonts/).*)" }],
};
