/**
 * Which reverse-proxy hops the app believes (DESIGN §9, README "Deploying").
 *
 * The HTTP edge (scripts/serve.mjs) appends the socket's peer address to X-Forwarded-For, the way a proxy
 * does, so the chain the app reads always ends with an address nobody could forge. Walking that chain from
 * the right, a hop is skipped only while it is one of the configured trusted proxies; the first address
 * that is not is the client. X-Forwarded-Host / -Proto / -Port count only when the peer itself is trusted.
 *
 * - `TRUST_PROXY_HOPS=n`: trust the n nearest hops (e.g. 1 for one nginx in front).
 * - `TRUSTED_PROXIES=127.0.0.1,10.0.0.0/8,::1`: trust a hop only if its address is in the list
 *   (with no TRUST_PROXY_HOPS, any number of listed hops).
 * Neither set (the default): trust no hop; the socket address and Host are used.
 *
 * No "server-only": the edge imports it before Next loads, and it only parses. No imports but node:net,
 * written in erasable TypeScript so Node runs it without a compiler.
 */
import { BlockList, isIP } from "node:net";

export type TrustConfig = {
  /** how many of the nearest hops may be skipped (Infinity: as many as TRUSTED_PROXIES matches) */
  hops: number;
  /** null: any address counts as a proxy within `hops`; otherwise only these */
  proxies: BlockList | null;
  /** the configuration as given, for messages */
  describe: string;
};

export class TrustConfigError extends Error {}

const MAX_HOPS = 16;

/** Parse the trust configuration; a malformed value is an error (the server refuses to start). */
export function parseTrustConfig(env: Record<string, string | undefined>): TrustConfig {
  const hopsText = env.TRUST_PROXY_HOPS?.trim() ?? "";
  const listText = env.TRUSTED_PROXIES?.trim() ?? "";
  if (hopsText && !/^\d{1,2}$/.test(hopsText)) throw new TrustConfigError(`TRUST_PROXY_HOPS must be a whole number from 0 to ${MAX_HOPS}, not "${hopsText}"`);
  const hops = hopsText ? Number(hopsText) : null;
  if (hops !== null && hops > MAX_HOPS) throw new TrustConfigError(`TRUST_PROXY_HOPS must be at most ${MAX_HOPS}, not ${hops}`);
  let proxies: BlockList | null = null;
  if (listText) {
    proxies = new BlockList();
    for (const raw of listText.split(",").map((s) => s.trim()).filter(Boolean)) addEntry(proxies, raw);
  }
  const effective = hops ?? (proxies ? Infinity : 0);
  const describe = effective === 0 ? "no proxy hops trusted" : `${Number.isFinite(effective) ? effective : "any number of"} hop(s)${listText ? ` from ${listText}` : ""}`;
  return { hops: effective, proxies, describe };
}

function addEntry(list: BlockList, entry: string): void {
  const [addr, bits, ...rest] = entry.split("/");
  const address = normalizeAddress(addr ?? "");
  const family = address ? isIP(address) : 0;
  if (!address || !family || rest.length) throw new TrustConfigError(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
  const type = family === 4 ? "ipv4" : "ipv6";
  if (bits === undefined) return list.addAddress(address, type);
  const prefix = /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
  if (!(prefix >= 0 && prefix <= (family === 4 ? 32 : 128))) throw new TrustConfigError(`TRUSTED_PROXIES: "${entry}" has an invalid prefix length`);
  list.addSubnet(address, prefix, type);
}

/** An address as it appears in headers or on a socket: strips ports, brackets and the IPv4-mapped prefix.
 * Returns null when it is not an IP address at all ("unknown", garbage, an obfuscated name). */
export function normalizeAddress(raw: string): string | null {
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(":"));
  s = s.replace(/%[\w.-]+$/, ""); // IPv6 zone id
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(s)) s = s.slice(7);
  return isIP(s) ? s.toLowerCase() : null;
}

function isTrustedHop(cfg: TrustConfig, address: string, index: number): boolean {
  if (index >= cfg.hops) return false;
  if (!cfg.proxies) return true;
  return cfg.proxies.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

export type Forwarded = {
  /** the client's address by the trust configuration; "unknown" only when there is no valid address */
  ip: string;
  /** the host the client asked for: X-Forwarded-Host from a trusted peer, else Host */
  host: string | null;
  /** whether the nearest hop (the socket's peer) is a trusted proxy */
  peerTrusted: boolean;
};

/**
 * Resolve the client from the X-Forwarded-For chain (its last entry is the socket peer, added by the edge)
 * and the host headers. Each value is what the header holds (comma-joined if repeated).
 */
export function resolveForwarded(h: { forwardedFor: string | null; forwardedHost: string | null; host: string | null }, cfg: TrustConfig): Forwarded {
  const nearestFirst = (h.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean).reverse();
  let ip: string | null = null;
  let peerTrusted = false;
  for (let i = 0; i < nearestFirst.length; i++) {
    const address = normalizeAddress(nearestFirst[i]!);
    // a hop that is not an address (or is garbage) ends the walk: the last good one stands
    if (!address) break;
    ip = address;
    if (!isTrustedHop(cfg, address, i)) break;
    if (i === 0) peerTrusted = true;
  }
  const forwardedHost = peerTrusted ? h.forwardedHost?.split(",").at(-1)?.trim() || null : null;
  return { ip: ip ?? "unknown", host: forwardedHost ?? h.host?.trim() ?? null, peerTrusted };
}

/** The headers the edge hands on, given what arrived and the socket's peer address: the peer is appended
 * to X-Forwarded-For, and the other X-Forwarded-* headers are dropped unless the peer is a trusted proxy
 * (Next then derives them from Host and the socket). */
export function edgeHeaders(headers: Record<string, string | string[] | undefined>, peerAddress: string | undefined, cfg: TrustConfig): Record<string, string | null> {
  const join = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(", ") : v)?.trim() || null;
  const peer = normalizeAddress(peerAddress ?? "") ?? "unknown";
  const incoming = join(headers["x-forwarded-for"]);
  const trusted = peer !== "unknown" && isTrustedHop(cfg, peer, 0);
  return {
    "x-forwarded-for": incoming ? `${incoming}, ${peer}` : peer,
    "x-forwarded-host": trusted ? join(headers["x-forwarded-host"]) : null,
    "x-forwarded-proto": trusted ? join(headers["x-forwarded-proto"]) : null,
    "x-forwarded-port": trusted ? join(headers["x-forwarded-port"]) : null,
  };
}

let cached: { key: string; cfg: TrustConfig } | null = null;

/** The process's configuration from its environment (parsed once per distinct value). */
export function trustConfigFromEnv(env: Record<string, string | undefined> = process.env): TrustConfig {
  const key = `${env.TRUST_PROXY_HOPS ?? ""}|${env.TRUSTED_PROXIES ?? ""}`;
  if (cached?.key !== key) cached = { key, cfg: parseTrustConfig(env) };
  return cached.cfg;
}
