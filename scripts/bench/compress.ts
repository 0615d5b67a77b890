/**
 * Issue 15: what `compress: false` behind nginx changes. The same requests through nginx
 * (deploy/nginx/theratrack.conf, which gzips what the app sends uncompressed) to one app instance, twice:
 * the app compressing itself (Next's default, `compress: true`; nginx passes gzip through), and the app
 * with THERATRACK_COMPRESS=off (next.config.js) so nginx compresses. nginx runs on the app's core (both
 * variants get the same one core for the server side); the clients ask for gzip as a browser does.
 * Reported: throughput, p95, and CPU per request of the app and of nginx (from /proc).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AppServer } from "../reliability/env";
import { Client } from "../reliability/http";
import { Nginx } from "../reliability/nginx";
import { closedLoop, median, type LoadResult } from "./load";

export const NGINX_PORT = 3308;

type Variant = "app gzip" | "nginx gzip";
export type CompressRun = LoadResult & { variant: Variant; appCpuMsPerReq: number; nginxCpuMsPerReq: number; bytesPerReq: number };

/** utime + stime of a process and its children so far, in ms (/proc/<pid>/stat, clock ticks of 10 ms) */
function cpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = f.slice(f.lastIndexOf(")") + 2).split(" ");
    // fields 14–17 of stat (utime, stime, cutime, cstime); rest[0] is field 3
    return [11, 12, 13, 14].reduce((s, i) => s + Number(rest[i] ?? 0), 0) * 10;
  } catch {
    return 0;
  }
}

function workersOf(master: number): number[] {
  try {
    return execFileSync("pgrep", ["-P", String(master)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export async function measureCompressBehindNginx(opts: {
  /** (re)start the app on its port with these extra variables; returns the running server */
  restartApp: (env: Record<string, string>) => Promise<AppServer>;
  appPort: number;
  /** signed-in clients (their cookies are reused through nginx) */
  clients: Client[];
  paths: { label: string; path: string }[];
  total: number;
  reps: number;
  pinCore: string | null;
  log: (m: string) => void;
}): Promise<{ label: string; runs: CompressRun[] }[]> {
  const nginx = new Nginx(NGINX_PORT, [opts.appPort]);
  await nginx.start();
  const pids = () => [nginx.child!.pid!, ...workersOf(nginx.child!.pid!)];
  if (opts.pinCore) for (const p of pids()) execFileSync("taskset", ["-cp", opts.pinCore, String(p)], { stdio: "ignore" });
  const via = opts.clients.map((c) => {
    const n = new Client(nginx.base, { "accept-encoding": "gzip" });
    for (const [k, v] of c.cookies) n.cookies.set(k, v);
    return n;
  });
  const out = opts.paths.map((p) => ({ label: p.label, runs: [] as CompressRun[] }));
  try {
    for (let r = 0; r < opts.reps; r++) {
      for (const variant of ["app gzip", "nginx gzip"] as const) {
        const app = await opts.restartApp(variant === "nginx gzip" ? { THERATRACK_COMPRESS: "off" } : {});
        const appPid = app.child!.pid!;
        for (const [i, p] of opts.paths.entries()) {
          // warm-up: JIT and the pool, not measured
          await closedLoop(via.length, via.length * 2, (w) => via[w % via.length]!.get(p.path).then((res) => res.status === 200));
          const a0 = cpuMs(appPid);
          const n0 = pids().reduce((s, x) => s + cpuMs(x), 0);
          let encoded = true;
          const res = await closedLoop(via.length, opts.total, async (w) => {
            // fetch decodes the body; the wire size is counted once below, by a client that does not decode
            const got = await via[w % via.length]!.get(p.path);
            encoded &&= got.headers.get("content-encoding") === "gzip";
            return got.status === 200;
          });
          const appCpu = cpuMs(appPid) - a0;
          const nginxCpu = pids().reduce((s, x) => s + cpuMs(x), 0) - n0;
          const bytes = await wireBytes(nginx.base + p.path, via[0]!.cookieHeader());
          if (!encoded) opts.log(`compress: ${variant} ${p.path} came back without gzip`);
          out[i]!.runs.push({ ...res, variant, errors: res.errors + (encoded ? 0 : 1), appCpuMsPerReq: appCpu / opts.total, nginxCpuMsPerReq: nginxCpu / opts.total, bytesPerReq: bytes });
          opts.log(`compress: ${variant} ${p.label}: ${res.rps.toFixed(0)} req/s, p95 ${res.p95.toFixed(0)} ms, app ${(appCpu / opts.total).toFixed(1)} ms CPU/req, nginx ${(nginxCpu / opts.total).toFixed(1)}`);
        }
      }
    }
  } finally {
    await nginx.stop();
  }
  return out;
}

async function wireBytes(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
      let n = 0;
      res.on("data", (b: Buffer) => (n += b.length));
      res.on("end", () => resolve(n));
    });
    req.on("error", reject);
  });
}

export function compressSummary(runs: CompressRun[], variant: Variant) {
  const mine = runs.filter((r) => r.variant === variant);
  return {
    rps: median(mine.map((r) => r.rps)),
    p95: median(mine.map((r) => r.p95)),
    app: median(mine.map((r) => r.appCpuMsPerReq)),
    nginx: median(mine.map((r) => r.nginxCpuMsPerReq)),
    kb: median(mine.map((r) => r.bytesPerReq)) / 1024,
  };
}
