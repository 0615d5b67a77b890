import { resolveForwarded, trustConfigFromEnv } from "@/lib/net/trusted-hops";

/** Client address and user agent from request headers. The address comes from X-Forwarded-For walked
 * through exactly the hops the deployment trusts (TRUST_PROXY_HOPS / TRUSTED_PROXIES, lib/net/trusted-hops.ts):
 * by default none, so it is the socket's peer that the edge (scripts/serve.mjs) appended. */
export function requestMeta(get: (name: string) => string | null | undefined): { ip: string; userAgent: string | null } {
  const { ip } = resolveForwarded({ forwardedFor: get("x-forwarded-for") ?? null, forwardedHost: null, host: null }, trustConfigFromEnv());
  return { ip: ip.slice(0, 100), userAgent: get("user-agent")?.slice(0, 300) ?? null };
}

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

export function headerGetter(headers: HeaderBag): (name: string) => string | null {
  if (!headers) return () => null;
  if (typeof (headers as Headers).get === "function") return (n) => (headers as Headers).get(n);
  const bag = headers as Record<string, string | string[] | undefined>;
  return (n) => {
    const v = bag[n] ?? bag[n.toLowerCase()];
    return Array.isArray(v) ? v.join(", ") : (v ?? null);
  };
}
