import { afterEach, describe, expect, it } from "vitest";
import { headerGetter, requestMeta } from "./request-meta";

const saved = { hops: process.env.TRUST_PROXY_HOPS, list: process.env.TRUSTED_PROXIES };
afterEach(() => {
  for (const [k, v] of [["TRUST_PROXY_HOPS", saved.hops], ["TRUSTED_PROXIES", saved.list]] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

// what the edge (scripts/serve.mjs) hands on: the client's own chain, then the socket peer
const meta = (xff: string | string[], ua = "tablet") => requestMeta(headerGetter({ "x-forwarded-for": xff, "user-agent": ua }));

describe("requestMeta: the address sign-in throttling and the audit trail record", () => {
  it("by default is the socket peer, whatever the client wrote before it", () => {
    delete process.env.TRUST_PROXY_HOPS;
    delete process.env.TRUSTED_PROXIES;
    expect(meta("198.51.100.1, 203.0.113.9").ip).toBe("203.0.113.9");
  });
  it("behind one trusted nginx is the address nginx saw", () => {
    process.env.TRUST_PROXY_HOPS = "1";
    process.env.TRUSTED_PROXIES = "127.0.0.1";
    expect(meta("203.0.113.9, 127.0.0.1").ip).toBe("203.0.113.9");
    // repeated headers are one chain, in order
    expect(meta(["6.6.6.6", "203.0.113.9, 127.0.0.1"]).ip).toBe("203.0.113.9");
    // a peer that is not the proxy is the client itself
    expect(meta("203.0.113.9, 192.0.2.50").ip).toBe("192.0.2.50");
  });
  it("keeps the user agent, bounded", () => {
    expect(meta("203.0.113.9", "x".repeat(500)).userAgent).toHaveLength(300);
  });
});
