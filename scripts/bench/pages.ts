/**
 * P3 (growth): the pages whose data grows with the years — an assistant's Today (its working-set pull), the therapist's review
 * queue, a patient's progress over five years, the schedule week and an audit search — measured at two
 * scales, plus the query plans PostgreSQL chose for them (auto_explain), checked for sequential scans on
 * big tables.
 */
import fs from "node:fs";
import type postgres from "postgres";
import { clinicToday, weekStart } from "../../lib/time";
import { Client } from "../reliability/http";
import { BENCH_PASSWORD } from "./generate";
import { closedLoop, type LoadResult } from "./load";

export type PageTarget = { name: string; email: string; path: string };

/** Bench clinic 1: track 0 (therapist u1, assistant u8) and its first patient, who has sessions all along. */
export async function pageTargets(sql: postgres.Sql): Promise<PageTarget[]> {
  const [c] = await sql<{ id: string; time_zone: string }[]>`select id, time_zone from clinics where id = bench_id('bench-clinic-1')`;
  if (!c) throw new Error("bench clinic 1 is missing");
  const [p] = await sql<{ id: string }[]>`select id from patients where id = bench_id('bench-patient-1-0')`;
  const today = clinicToday(c.time_zone);
  const user = (u: number) => `bench-c1-u${u}@bench.example`;
  return [
    // Today is a service-worker shell (issue 11) that costs the same whatever the history; its data is the
    // working-set pull, which is what could grow with the years
    { name: "Today's data, the working-set pull (assistant)", email: user(8), path: "/api/working-set" },
    { name: "review queue (therapist)", email: user(1), path: "/review" },
    // the page's default range (8 weeks) of a patient with years on file: the history behind it must not cost
    { name: "patient progress (years on file)", email: user(1), path: `/patients/${p!.id}` },
    { name: "schedule week", email: user(0), path: `/schedule?week=${weekStart(today)}` },
    { name: "audit search (one patient)", email: user(0), path: `/admin/audit?patientId=${p!.id}` },
  ];
}

export async function signedInClients(base: string, targets: PageTarget[]): Promise<Map<string, Client>> {
  const clients = new Map<string, Client>();
  for (const email of new Set(targets.map((t) => t.email))) {
    const c = new Client(base);
    const res = await c.signIn(email, BENCH_PASSWORD);
    if (!res.ok) throw new Error(`bench sign-in failed for ${email}: ${res.status}`);
    clients.set(email, c);
  }
  return clients;
}

/**
 * p95 per page at two scales, interleaved (page by page, small then large, each rep) so that noise on a
 * shared machine falls on both sides alike: `reps` closed-loop runs of `total` requests at 4 concurrent
 * clients each, after a warm-up.
 */
export async function measurePagesAtTwoScales(
  small: { base: string; targets: PageTarget[] },
  large: { base: string; targets: PageTarget[] },
  reps: number,
  total: number,
): Promise<{ small: Map<string, LoadResult[]>; large: Map<string, LoadResult[]> }> {
  const sides = [small, large].map((side) => ({ ...side, out: new Map<string, LoadResult[]>() }));
  const clients = await Promise.all(sides.map((side) => signedInClients(side.base, side.targets)));
  for (const [i, side] of sides.entries()) {
    for (const t of side.targets) {
      const c = clients[i]!.get(t.email)!;
      const first = await c.get(t.path);
      if (first.status !== 200) throw new Error(`${t.name}: ${t.path} answered ${first.status}`);
      for (let w = 0; w < 5; w++) await c.get(t.path);
    }
  }
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < small.targets.length; k++) {
      for (const [i, side] of sides.entries()) {
        const t = side.targets[k]!;
        const c = clients[i]!.get(t.email)!;
        const run = await closedLoop(4, total, async () => (await c.get(t.path)).status === 200);
        side.out.set(t.name, [...(side.out.get(t.name) ?? []), run]);
      }
    }
  }
  return { small: sides[0]!.out, large: sides[1]!.out };
}

export type PlanReport = { statements: number; bigTables: string[]; seqScans: { table: string; query: string }[] };

/**
 * Loads each page once (and runs `extra`) with auto_explain logging every statement's plan, then reads the plans from the
 * server log. `setConf` runs ALTER SYSTEM on the cluster (a reload applies it to open connections).
 */
export async function capturePlans(
  base: string,
  targets: PageTarget[],
  sql: postgres.Sql,
  logFile: string,
  setConf: (minDurationMs: number) => Promise<void>,
  /** more work to explain, e.g. one write of the hottest path */
  extra?: () => Promise<void>,
): Promise<PlanReport> {
  const clients = await signedInClients(base, targets);
  const bigTables = (await sql<{ relname: string }[]>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and c.reltuples > 10000 order by c.relname`).map((r) => r.relname);
  const from = fs.statSync(logFile).size;
  await setConf(0);
  try {
    for (const t of targets) await clients.get(t.email)!.get(t.path);
    await extra?.();
  } finally {
    await setConf(-1);
  }
  const text = fs.readFileSync(logFile, "utf8").slice(from);
  const entries = text.split(/\n(?=\S.*LOG:\s+duration: [\d.]+ ms\s+plan:)/).filter((e) => /LOG:\s+duration: [\d.]+ ms\s+plan:/.test(e));
  const seqScans: PlanReport["seqScans"] = [];
  for (const e of entries) {
    const query = (/Query Text: ([^\n]*)/.exec(e)?.[1] ?? "").slice(0, 300);
    for (const m of e.matchAll(/Seq Scan on (\w+)/g)) if (bigTables.includes(m[1]!)) seqScans.push({ table: m[1]!, query });
  }
  return { statements: entries.length, bigTables, seqScans };
}

/** auto_explain loaded at server start, off until capturePlans turns it on. */
export const AUTO_EXPLAIN_CONF = "shared_preload_libraries = 'auto_explain'\nauto_explain.log_min_duration = -1\nauto_explain.log_nested_statements = on\n";
