import { describe, expect, it } from "vitest";
import { edgeHeaders, normalizeAddress, parseTrustConfig, resolveForwarded, TrustConfigError } from "./trusted-hops";

const none = parseTrustConfig({});
const oneHop = parseTrustConfig({ TRUST_PROXY_HOPS: "1" });
const loopbackProxies = parseTrustConfig({ TRUSTED_PROXIES: "127.0.0.0/8, ::1" });
const resolve = (forwardedFor: string | null, cfg = none, forwardedHost: string | null = null, host: string | null = "app.example:3000") =>
  resolveForwarded({ forwardedFor, forwardedHost, host }, cfg);

describe("parseTrustConfig", () => {
  it("trusts no hop by default", () => {
    expect(none.hops).toBe(0);
    expect(none.proxies).toBeNull();
    expect(parseTrustConfig({ TRUST_PROXY_HOPS: "", TRUSTED_PROXIES: " " }).hops).toBe(0);
  });
  it("reads a hop count and a list of addresses and ranges", () => {
    expect(oneHop.hops).toBe(1);
    expect(loopbackProxies.hops).toBe(Infinity);
    expect(parseTrustConfig({ TRUST_PROXY_HOPS: "2", TRUSTED_PROXIES: "10.0.0.0/8" }).hops).toBe(2);
  });
  it.each([
    [{ TRUST_PROXY_HOPS: "-1" }, /whole number/],
    [{ TRUST_PROXY_HOPS: "1.5" }, /whole number/],
    [{ TRUST_PROXY_HOPS: "true" }, /whole number/],
    [{ TRUST_PROXY_HOPS: "99" }, /at most 16/],
    [{ TRUSTED_PROXIES: "nginx.local" }, /not an IP address/],
    [{ TRUSTED_PROXIES: "10.0.0.0/33" }, /prefix length/],
    [{ TRUSTED_PROXIES: "10.0.0.0/8/1" }, /not an IP address/],
    [{ TRUSTED_PROXIES: "::1/129" }, /prefix length/],
  ])("refuses %o with a clear message", (env, message) => {
    expect(() => parseTrustConfig(env)).toThrow(TrustConfigError);
    expect(() => parseTrustConfig(env)).toThrow(message);
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9:51234 ", "203.0.113.9"],
    ["::ffff:127.0.0.1", "127.0.0.1"],
    ["[2001:DB8::1]:443", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["unknown", null],
    ["<script>", null],
    ["", null],
  ])("%s → %s", (raw, expected) => expect(normalizeAddress(raw)).toBe(expected));
});

describe("resolveForwarded", () => {
  it("trusting nothing, takes the socket peer (the chain's last entry) and ignores what the client claims", () => {
    expect(resolve("198.51.100.7, 203.0.113.9")).toMatchObject({ ip: "203.0.113.9", peerTrusted: false });
    expect(resolve("203.0.113.9", none, "evil.example").host).toBe("app.example:3000");
  });
  it("with one trusted hop, takes the address the proxy saw, not one the client put before it", () => {
    // client forged 6.6.6.6; nginx appended the real client 203.0.113.9; the edge appended nginx
    expect(resolve("6.6.6.6, 203.0.113.9, 127.0.0.1", oneHop)).toMatchObject({ ip: "203.0.113.9", peerTrusted: true });
    expect(resolve("203.0.113.9, 127.0.0.1", oneHop, "clinic.example").host).toBe("clinic.example");
  });
  it("with a list, skips only listed proxies, however many", () => {
    expect(resolve("203.0.113.9, 127.0.0.2, 127.0.0.1", loopbackProxies).ip).toBe("203.0.113.9");
    // a peer outside the list is the client, whatever its chain says
    expect(resolve("127.0.0.1, 198.51.100.20", loopbackProxies)).toMatchObject({ ip: "198.51.100.20", peerTrusted: false });
    expect(resolve("127.0.0.1, 198.51.100.20", loopbackProxies, "evil.example").host).toBe("app.example:3000");
  });
  it("a hop count and a list together: both must agree", () => {
    const cfg = parseTrustConfig({ TRUST_PROXY_HOPS: "1", TRUSTED_PROXIES: "10.0.0.0/8" });
    expect(resolve("198.51.100.1, 10.0.0.5, 10.0.0.4", cfg).ip).toBe("10.0.0.5");
    expect(resolve("198.51.100.1, 10.0.0.5, 192.0.2.1", cfg).ip).toBe("192.0.2.1");
  });
  it("a request that came around the proxy (chain shorter than the hops) yields the farthest address", () => {
    expect(resolve("127.0.0.1", parseTrustConfig({ TRUST_PROXY_HOPS: "3" })).ip).toBe("127.0.0.1");
  });
  it("garbage in the chain stops the walk at the last real address", () => {
    expect(resolve("'; drop table x; --, 127.0.0.1", oneHop).ip).toBe("127.0.0.1");
    expect(resolve(null).ip).toBe("unknown");
  });
  it("takes the nearest trusted proxy's X-Forwarded-Host when several are listed", () => {
    expect(resolve("203.0.113.9, 127.0.0.1", oneHop, "evil.example, clinic.example").host).toBe("clinic.example");
  });
});

describe("edgeHeaders", () => {
  it("appends the peer to X-Forwarded-For and drops forwarded host/proto/port from an untrusted peer", () => {
    expect(edgeHeaders({ "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, "::ffff:203.0.113.9", none)).toEqual({
      "x-forwarded-for": "6.6.6.6, 203.0.113.9",
      "x-forwarded-host": null,
      "x-forwarded-proto": null,
      "x-forwarded-port": null,
    });
  });
  it("keeps a trusted proxy's headers", () => {
    expect(edgeHeaders({ "x-forwarded-for": "203.0.113.9", "x-forwarded-host": "clinic.example", "x-forwarded-proto": "https" }, "127.0.0.1", oneHop)).toMatchObject({
      "x-forwarded-for": "203.0.113.9, 127.0.0.1",
      "x-forwarded-host": "clinic.example",
      "x-forwarded-proto": "https",
    });
  });
  it("makes a chain of the peer alone when nothing was forwarded", () => {
    expect(edgeHeaders({}, "127.0.0.1", none)["x-forwarded-for"]).toBe("127.0.0.1");
    expect(edgeHeaders({}, undefined, none)["x-forwarded-for"]).toBe("unknown");
  });
});
