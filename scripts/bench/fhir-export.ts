/**
 * Optional bench step (`npm run bench -- --fhir-export`): Bulk Data $export of the largest clinic by a
 * therapist's session, timed from kick-off to the complete manifest, with the app's peak RSS (the
 * server process and its children, sampled every 100 ms from /proc). Target: peak RSS < 512 MB.
 */
import fs from "node:fs";
import type postgres from "postgres";
import type { AppServer } from "../reliability/env";
import { Client } from "../reliability/http";

function rssOfTree(pid: number): number {
  const kids = (p: number): number[] => {
    try {
      return fs
        .readFileSync(`/proc/${p}/task/${p}/children`, "utf8")
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  };
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      /* gone */
    }
    stack.push(...kids(p));
  }
  return total;
}

export async function measureFhirExport(app: AppServer, sql: postgres.Sql, password: string, log: (m: string) => void) {
  const [clinic] = await sql<{ clinic_id: string; n: number }[]>`select clinic_id, count(*)::int as n from patients group by clinic_id order by n desc limit 1`;
  const [t] = await sql<{ email: string }[]>`select email from users where clinic_id = ${clinic!.clinic_id} and role = 'therapist' and active order by email limit 1`;
  const client = new Client(app.base);
  if (!(await client.signIn(t!.email, password)).ok) throw new Error(`bench: could not sign in as ${t!.email}`);
  const pid = app.child?.pid;
  if (!pid) throw new Error("bench: the app is not running");
  let peak = rssOfTree(pid);
  const baseline = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOfTree(pid))), 100);
  const started = performance.now();
  let errors = 0;
  let manifest: { output: { type: string; url: string; count: number }[] } = { output: [] };
  try {
    const kick = await client.request("/fhir/R4/Patient/$export", { headers: { prefer: "respond-async", accept: "application/fhir+json" } });
    if (kick.status !== 202) throw new Error(`bench: $export kick-off answered ${kick.status}: ${kick.body.slice(0, 200)}`);
    const status = new URL(kick.headers.get("content-location")!).pathname;
    for (;;) {
      const s = await client.request(status, { timeoutMs: 60_000 });
      if (s.status === 200) {
        manifest = JSON.parse(s.body);
        break;
      }
      if (s.status !== 202) {
        errors++;
        throw new Error(`bench: export status ${s.status}: ${s.body.slice(0, 200)}`);
      }
      await new Promise((r) => setTimeout(r, 500)); // polling interval of a Bulk Data client, not a test sleep
    }
    const exportMs = performance.now() - started;
    let bytes = 0;
    for (const o of manifest.output) {
      // streamed and counted, not held: the files of a large clinic are hundreds of MB
      const f = await fetch(`${app.base}${new URL(o.url).pathname}`, { headers: { cookie: client.cookieHeader() }, signal: AbortSignal.timeout(600_000) });
      if (f.status !== 200 || !f.body) errors++;
      else for await (const chunk of f.body) bytes += chunk.byteLength;
    }
    const totalMs = performance.now() - started;
    await client.request(status, { method: "DELETE" });
    const resources = manifest.output.reduce((n, o) => n + o.count, 0);
    log(`FHIR export: ${clinic!.n} patients, ${resources} resources, ${(bytes / 1048576).toFixed(0)} MB NDJSON in ${(exportMs / 1000).toFixed(1)} s (+ download ${((totalMs - exportMs) / 1000).toFixed(1)} s), peak RSS ${(peak / 1048576).toFixed(0)} MB`);
    return {
      metric: `FHIR bulk export, largest clinic (${clinic!.n} patients)`,
      app: `${(exportMs / 1000).toFixed(1)} s, ${resources} resources`,
      floor: `peak RSS ${(peak / 1048576).toFixed(0)} MB (idle ${(baseline / 1048576).toFixed(0)})`,
      ratio: "-",
      target: "peak RSS < 512 MB",
      pass: peak < 512 * 1048576,
      detail: { patients: clinic!.n, resources, bytes, exportMs, downloadMs: totalMs - exportMs, peakRss: peak, idleRss: baseline, files: manifest.output, runs: [{ errors }] },
    };
  } finally {
    clearInterval(sampler);
  }
}
