import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
// the production server's guard (scripts/serve.mjs) must allow exactly what proxy.ts allows
import { ALLOWED_METHODS as SERVER_ALLOWED, guardMethods } from "../../scripts/method-guard.mjs";
import { ACTION_BODY_LIMIT, ALLOWED_METHODS, bodyOverLimit, isAllowedMethod, isDecodablePath } from "./request-limits";

const stream = (bytes: number, chunk = 64 * 1024) => {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(c) {
      if (sent >= bytes) return c.close();
      const n = Math.min(chunk, bytes - sent);
      c.enqueue(new Uint8Array(n));
      sent += n;
    },
  });
};

describe("request limits", () => {
  it("allows the methods the app serves, nothing else", () => {
    for (const m of ["GET", "HEAD", "POST"]) expect(isAllowedMethod(m)).toBe(true);
    for (const m of ["TRACE", "TRACK", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "get", ""]) expect(isAllowedMethod(m)).toBe(false);
    expect(SERVER_ALLOWED).toEqual([...ALLOWED_METHODS]);
  });
  it("refuses paths whose percent-escapes are not UTF-8", () => {
    expect(isDecodablePath("/patients/3f1d2c4b-0000-4000-8000-00000000beef")).toBe(true);
    expect(isDecodablePath("/patients/Luc%C3%ADa")).toBe(true);
    for (const p of ["/patients/%ED%A0%80", "/patients/%FF", "/patients/%E0%A4"]) expect(isDecodablePath(p)).toBe(false);
  });
  it("finds an oversized body by its Content-Length, or by reading at most limit + 1 bytes", async () => {
    expect(await bodyOverLimit(new Headers({ "content-length": String(ACTION_BODY_LIMIT + 1) }), null)).toBe(true);
    expect(await bodyOverLimit(new Headers({ "content-length": String(ACTION_BODY_LIMIT) }), null)).toBe(false);
    expect(await bodyOverLimit(new Headers(), stream(ACTION_BODY_LIMIT + 10))).toBe(true);
    expect(await bodyOverLimit(new Headers(), stream(ACTION_BODY_LIMIT))).toBe(false);
    expect(await bodyOverLimit(new Headers(), null)).toBe(false);
    expect(await bodyOverLimit(new Headers({ "content-length": "abc" }), stream(10))).toBe(false);
    // proxy.ts reads a clone (a tee branch) while Next keeps the other: it must answer without waiting for it
    const [clone, kept] = stream(ACTION_BODY_LIMIT * 2).tee();
    expect(await bodyOverLimit(new Headers(), clone)).toBe(true);
    expect(kept.locked).toBe(false);
  });
});

describe("the server's method guard (scripts/method-guard.mjs)", () => {
  it("answers TRACE and other odd methods 405 before the app sees them", async () => {
    let reached = 0;
    const server = http.createServer(guardMethods((_req: http.IncomingMessage, res: http.ServerResponse) => {
      reached++;
      res.end("ok");
    }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as AddressInfo;
    const send = (method: string) =>
      new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
        const req = http.request({ host: "127.0.0.1", port, method, path: "/today" }, (res) => {
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
        });
        req.on("error", reject);
        req.end();
      });
    try {
      for (const m of ["TRACE", "PUT", "DELETE", "PROPFIND", "PURGE"]) expect(await send(m)).toMatchObject({ status: 405, allow: "GET, HEAD, POST", body: '{"error":"Method not allowed."}' });
      expect(reached).toBe(0);
      expect((await send("GET")).status).toBe(200);
      expect(reached).toBe(1);
    } finally {
      server.close();
    }
  });
});
