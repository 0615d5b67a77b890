/** Client address and user agent from request headers. X-Forwarded-For is only as trustworthy as the
 * reverse proxy in front of the app (see README, "Deploying"); its nearest hop is taken. */
export function requestMeta(get: (name: string) => string | null | undefined): { ip: string; userAgent: string | null } {
  const fwd = get("x-forwarded-for");
  const hops = fwd?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  const ip = hops.at(-1) ?? get("x-real-ip")?.trim() ?? "unknown";
  return { ip: ip.slice(0, 100), userAgent: get("user-agent")?.slice(0, 300) ?? null };
}

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

export function headerGetter(headers: HeaderBag): (name: string) => string | null {
  if (!headers) return () => null;
  if (typeof (headers as Headers).get === "function") return (n) => (headers as Headers).get(n);
  const bag = headers as Record<string, string | string[] | undefined>;
  return (n) => {
    const v = bag[n] ?? bag[n.toLowerCase()];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
}
