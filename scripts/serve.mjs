/**
 * The production HTTP edge: `next start` itself (so the build is served exactly as Next serves it — the
 * offline shells' CSP hashes are taken from the prerendered HTML and must match what is sent), with two
 * guards in front of Next's request listener:
 * - the forwarding headers are made honest: the socket's peer address is appended to X-Forwarded-For (so
 *   the chain always ends with an address no client can forge) and X-Forwarded-Host / -Proto / -Port are
 *   dropped unless the peer is a trusted proxy (TRUST_PROXY_HOPS / TRUSTED_PROXIES, lib/net/trusted-hops.ts).
 *   Plain `next start` keeps a client's X-Forwarded-For and loses the socket address;
 * - methods the app does not serve (TRACE…) get 405 before Next, which would answer them 500
 *   (scripts/method-guard.mjs).
 *
 * `node scripts/serve.mjs` (what `npm start`, the demo, e2e, deploy/theratrack@.service and the reliability
 * suite run). PORT (3000), BIND_ADDRESS (all interfaces; 127.0.0.1 behind a proxy on the same machine; not
 * HOSTNAME, which containers set to their own name). One process: a SIGKILL leaves nothing behind; SIGTERM
 * is Next's graceful shutdown.
 */
import http from "node:http";
import { edgeHeaders, parseTrustConfig } from "../lib/net/trusted-hops.ts";
import { guardMethods } from "./method-guard.mjs";

let trust;
try {
  trust = parseTrustConfig(process.env);
} catch (err) {
  process.stderr.write(`theratrack: ${err.message}\n`);
  process.exit(2);
}
const port = String(Number(process.env.PORT ?? 3000));
const bind = process.env.BIND_ADDRESS?.trim() || undefined;

function honestHeaders(listener) {
  return function honest(req, res) {
    for (const [name, value] of Object.entries(edgeHeaders(req.headers, req.socket.remoteAddress, trust))) {
      if (value === null) delete req.headers[name];
      else req.headers[name] = value;
    }
    return listener.call(this, req, res);
  };
}

// Next's start-server calls http.createServer(requestListener) once; its listener gets the guards.
const createServer = http.createServer;
http.createServer = function createGuardedServer(...args) {
  return createServer.apply(this, args.map((a) => (typeof a === "function" ? guardMethods(honestHeaders(a)) : a)));
};
process.stdout.write(`theratrack: serving on port ${port}${bind ? ` at ${bind}` : ""} (${trust.describe})\n`);
// Longer than a proxy's upstream keepalive (nginx: 60 s), so the proxy closes idle connections, not us.
process.argv = [process.argv[0], "next", "start", "-p", port, ...(bind ? ["-H", bind] : []), "--keepAliveTimeout", "65000"];
await import("../node_modules/next/dist/bin/next");
