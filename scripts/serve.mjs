/**
 * The production HTTP edge: serves the build like `next start`, but first makes the forwarding headers
 * honest. The socket's peer address is appended to X-Forwarded-For (so the chain always ends with an
 * address no client can forge) and X-Forwarded-Host / -Proto / -Port are dropped unless the peer is a
 * trusted proxy (TRUST_PROXY_HOPS / TRUSTED_PROXIES, lib/net/trusted-hops.ts). Plain `next start` keeps a
 * client's X-Forwarded-For and loses the socket address, so nothing could tell a forged chain apart.
 *
 * `node scripts/serve.mjs` (what `npm start`, deploy/theratrack@.service and the reliability suite run).
 * PORT (3000), BIND_ADDRESS (all interfaces; 127.0.0.1 behind a proxy on the same machine; not HOSTNAME,
 * which containers set to their own name). One process: a SIGKILL
 * leaves nothing behind, SIGTERM closes connections and exits.
 */
import http from "node:http";
import next from "next";
import { edgeHeaders, parseTrustConfig } from "../lib/net/trusted-hops.ts";
import { guardMethods } from "./method-guard.mjs";

let trust;
try {
  trust = parseTrustConfig(process.env);
} catch (err) {
  process.stderr.write(`theratrack: ${err.message}\n`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);
const bind = process.env.BIND_ADDRESS?.trim() || undefined;

const app = next({ dev: false, hostname: bind ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

// odd methods (TRACE…) get 405 before Next, which would answer them 500 (scripts/method-guard.mjs)
const server = http.createServer(guardMethods((req, res) => {
  for (const [name, value] of Object.entries(edgeHeaders(req.headers, req.socket.remoteAddress, trust))) {
    if (value === null) delete req.headers[name];
    else req.headers[name] = value;
  }
  handle(req, res).catch((err) => {
    process.stderr.write(`theratrack: request failed: ${err?.stack ?? err}\n`);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end();
  });
}));
// Longer than a proxy's upstream keepalive (nginx: 60 s), so the proxy closes idle connections, not us.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, bind, () => {
  process.stdout.write(`theratrack: ready on port ${port}${bind ? ` at ${bind}` : ""} (${trust.describe})\n`);
});

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    // stop accepting, let requests in flight finish (a proxy sends new ones elsewhere), then exit
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
