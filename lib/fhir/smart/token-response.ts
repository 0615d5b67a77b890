import "server-only";
import { requestMeta } from "@/lib/auth/request-meta";
import { isDatabaseUnavailable } from "@/lib/errors";
import { logError } from "@/lib/log";
import { issueToken, OAuthError } from "./issue-token";

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "cache-control": "no-store", pragma: "no-cache" } });

/** The token endpoint's HTTP side: a form body in, an OAuth token or OAuth error out (never a 500 with a trace). */
export async function tokenResponse(request: Request, audience: string): Promise<Response> {
  try {
    if (!(request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
      throw new OAuthError("invalid_request", "Send the token request as application/x-www-form-urlencoded.");
    }
    const text = await request.text();
    if (text.length > 20_000) throw new OAuthError("invalid_request", "The token request is too large.");
    const form = Object.fromEntries(new URLSearchParams(text));
    const meta = requestMeta((n) => request.headers.get(n));
    return json(await issueToken(form, { audience, ...meta }), 200);
  } catch (err) {
    if (err instanceof OAuthError) return json({ error: err.error, error_description: err.message }, err.status);
    if (isDatabaseUnavailable(err)) return json({ error: "temporarily_unavailable", error_description: "Try again in a moment." }, 503);
    logError("fhir.token_failed", err);
    return json({ error: "server_error", error_description: "Something went wrong on our side." }, 500);
  }
}
