/**
 * `npm run bench [-- --scale=1] [--smoke] [--no-build] [--reps=3] [--fhir-export] [--no-compress] [--data-cache=dir] [--generate-only]`
 * Measures the app against the floor (the same work with no framework) in the same run, on a private
 * PostgreSQL cluster loaded with scripts/bench/generate.ts. Writes reports/bench.json and prints a table
 * with targets. The app is pinned to CPU 0 and the load generator to CPU 1 where `taskset` exists.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import postgres from "postgres";
import { closeDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { hashPassword } from "../../lib/auth/passwords";
import { assertPortFree, NEXT_BIN, run } from "../lib";
import { buildActions, Client } from "../reliability/http";
import { AppServer, PrivateCluster } from "../reliability/env";
import { BENCH_PASSWORD, generate, scaleOf } from "./generate";
import { compressSummary, measureCompressBehindNginx } from "./compress";
import { measureFhirExport } from "./fhir-export";
import { calibratedSlowdown, chromiumPath, lighthouse, medianRun, type LighthouseOptions, type LighthouseRun } from "./lighthouse";
import { closedLoop, median, type LoadResult } from "./load";
import { AUTO_EXPLAIN_CONF, capturePlans, measurePagesAtTwoScales, pageTargets } from "./pages";

const argv = process.argv.slice(2);
const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const smoke = argv.includes("--smoke");
const scale = Number(arg("scale") ?? (smoke ? 0.0005 : 1));
const reps = Number(arg("reps") ?? (smoke ? 1 : 3));
// --data-cache=dir keeps a copy of the generated cluster (about 7 GB at scale 1), keyed by the scale and by
// the migrations and generator it was made with; a later run starts from a fresh copy of it and skips the
// ~14 minutes of generation (the measurement itself is what needs a quiet machine). --generate-only stops
// once the copy is made.
const dataCache = arg("data-cache");
const generateOnly = argv.includes("--generate-only");
class GenerateOnlyDone extends Error {}
const hasTaskset = (() => {
  try {
    execFileSync("taskset", ["-c", "0", "true"]);
    return true;
  } catch {
    return false;
  }
})();
if (hasTaskset) execFileSync("taskset", ["-cp", "1", String(process.pid)], { stdio: "ignore" });

type Row = { metric: string; app: string; floor: string; ratio: string; target: string; pass: boolean | null; detail?: Record<string, unknown> };
const rows: Row[] = [];
const secret = randomBytes(32).toString("base64url");
const log = (m: string) => process.stdout.write(`  ${m}\n`);

const cluster = new PrivateCluster(Number(process.env.BENCH_PG_PORT ?? 55433));
const cpuProf = process.env.BENCH_CPU_PROF; // a directory: the app runs under node --cpu-prof (profiles written on stop)
const pin = hasTaskset ? ["taskset", "-c", "0"] : [];
const running: AppServer[] = []; // stopped in `finally` whatever happens
let floor: ChildProcess | null = null;
try {
  const cacheDir = dataCache ? path.resolve(dataCache, dataCacheKey(scale)) : null;
  const cached = cacheDir !== null && fs.existsSync(path.join(cacheDir, "PG_VERSION"));
  if (cached) {
    console.log(`Data: a fresh copy of ${cacheDir}`);
    cluster.initFromCopy(cacheDir);
  } else cluster.init(AUTO_EXPLAIN_CONF);
  const port = 3300;
  const appEnv = (url: string): NodeJS.ProcessEnv => ({
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: url,
    NEXTAUTH_URL: `http://localhost:${port}`,
    NEXTAUTH_SECRET: secret,
    DB_POOL_MAX: "10",
  });
  const startApp = async (url: string, extra: Record<string, string> = {}): Promise<AppServer> => {
    await assertPortFree(port);
    const a = new AppServer(port, { ...appEnv(url), ...extra }, pin, cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${cpuProf}`] : []);
    running.push(a);
    await a.start();
    return a;
  };

  // Two datasets: the measured scale and 1 % of it (P3 compares the two).
  const small = scale / 100;
  const datasets: { db: string; factor: number }[] = [
    { db: "bench_small", factor: small },
    { db: "bench", factor: scale },
  ];
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  for (const d of cached ? [] : datasets) {
    cluster.psql("postgres", `create database ${d.db}`);
    process.env.DATABASE_URL = cluster.urlFor(d.db);
    await migrateDatabase();
    await closeDb();
    const sql = postgres(cluster.urlFor(d.db), { max: 1, onnotice: () => {} });
    const s = scaleOf(d.factor);
    console.log(`Generating ${d.db} at scale ${d.factor}: ${JSON.stringify(s)}`);
    const t0 = performance.now();
    await generate(sql, s, passwordHash, log);
    console.log(`Generated ${d.db} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    await sql.end();
  }

  if (cacheDir && !cached) {
    console.log(`Data: keeping a copy in ${cacheDir}`);
    cluster.snapshotTo(cacheDir);
  }
  if (generateOnly) throw new GenerateOnlyDone();

  if (!argv.includes("--no-build") || !fs.existsSync(".next/BUILD_ID")) {
    if ((await run(process.execPath, [NEXT_BIN, "build"], appEnv(cluster.urlFor("bench")))) !== 0) throw new Error("next build failed");
  }

  // P3: the same pages at 1 % and at full scale, two app servers side by side (the 1 % one on port+2)
  // 300 requests per repetition: with 100, a p95 is the 5th slowest request, and a full run's static Today
  // shell once measured 1.63× between two scales that cannot differ (p50 8.3 vs 8.1 ms)
  const pageTotal = smoke ? 12 : 300;
  const sqlSmall = postgres(cluster.urlFor("bench_small"), { max: 1, onnotice: () => {} });
  const smallTargets = await pageTargets(sqlSmall);
  await sqlSmall.end();
  const smallApp = new AppServer(port + 2, { ...appEnv(cluster.urlFor("bench_small")), NEXTAUTH_URL: `http://localhost:${port + 2}` }, pin);
  running.push(smallApp);
  await assertPortFree(port + 2);
  await smallApp.start();

  const url = cluster.urlFor("bench");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const server = await startApp(url);
  const targets = await pageTargets(sql);
  console.log("P3: pages at 1 % and full scale");
  let p3: Awaited<ReturnType<typeof measurePagesAtTwoScales>>;
  try {
    p3 = await measurePagesAtTwoScales({ base: smallApp.base, targets: smallTargets }, { base: server.base, targets }, reps, pageTotal);
  } finally {
    await smallApp.stop();
  }
  // one process (tsx as a loader, not its CLI, which forks a child that SIGKILL would orphan)
  await assertPortFree(3301);
  const floorCmd = [...pin, process.execPath, "--conditions=react-server", "--import", "tsx", "scripts/bench/floor-server.ts", "3301"];
  // its errors reach the run's output: a floor that cannot load (a module it imports changed) must say why
  floor = spawn(floorCmd[0]!, floorCmd.slice(1), { env: appEnv(url), stdio: ["ignore", "ignore", "inherit"] });
  await waitFor("http://localhost:3301/", floor);

  for (const t of targets) {
    const a = median(p3.small.get(t.name)!.map((x) => x.p95));
    const b = median(p3.large.get(t.name)!.map((x) => x.p95));
    rows.push({
      metric: `P3 ${t.name} p95`,
      app: `${b.toFixed(0)} ms (full)`,
      floor: `${a.toFixed(0)} ms (1 %)`,
      ratio: `${(b / a).toFixed(2)}×`,
      target: "≤ 1.5×",
      pass: b / a <= 1.5,
      detail: { path: t.path, small: p3.small.get(t.name), large: p3.large.get(t.name) },
    });
  }
  // Bench assistants with appointments: track assistants (users 8..14) of the first clinics.
  const assistants = (await sql<{ id: string; email: string }[]>`
    select u.id, u.email from users u where u.email like 'bench-c%' and u.role = 'assistant'
      and exists (select 1 from appointments a where a.assistant_id = u.id and a.starts_at > now()) order by u.email limit 64`).map((r) => r);
  const future = async (assistantId: string) =>
    (await sql<{ id: string }[]>`select id from appointments where assistant_id = ${assistantId} and starts_at > now() and attendance is null order by starts_at`).map((r) => r.id);
  const queues = new Map<string, string[]>();
  for (const a of assistants) queues.set(a.id, await future(a.id));
  // the observation form P4 opens: kept out of the P1 queues
  const formAppt = queues.get(assistants[0]!.id)!.pop();
  // P1: an observation through the outbox (the tablet's one write path), 8 concurrent clients
  const actions = buildActions();
  const content = { tasks: [], goals: [], attitude: 4, attitudeTags: ["engaged"], accomplishments: "Bench session", comfortAndNeeds: "", note: "", education: [] };

  // The plans PostgreSQL chose for the P3 pages and for one P1 save
  const planClient = new Client(server.base);
  await planClient.signIn(assistants[0]!.email, BENCH_PASSWORD);
  const plans = await capturePlans(
    server.base,
    targets,
    sql,
    cluster.logFile,
    async (ms) => {
      cluster.psql("postgres", `alter system set auto_explain.log_min_duration = ${ms}`);
      cluster.psql("postgres", "select pg_reload_conf()");
      await new Promise((r) => setTimeout(r, 300));
    },
    async () => {
      const appointmentId = queues.get(assistants[0]!.id)!.pop();
      if (!appointmentId) return;
      const body = JSON.stringify({ mutations: [{ id: randomUUID(), kind: "observation.save_draft", createdAt: new Date().toISOString(), payload: { id: randomUUID(), appointmentId, version: 0, ...content } }] });
      const res = await planClient.request("/api/outbox", { method: "POST", headers: { "content-type": "application/json", origin: server.base }, body });
      if (res.status !== 200 || !res.body.includes('"outcome":"applied"')) throw new Error(`the P1 save under auto_explain failed: ${res.status} ${res.body.slice(0, 300)}`);
    },
  );
  rows.push({
    metric: "P3 query plans (P3 pages + a P1 save)",
    app: `${plans.statements} statements`,
    floor: `${plans.bigTables.length} tables > 10k rows`,
    ratio: `${plans.seqScans.length} seq scans`,
    target: "0 seq scans on big tables",
    pass: plans.statements > 0 && plans.seqScans.length === 0,
    detail: { ...plans },
  });

  const perRep = smoke ? 16 : 200;
  const p1App: LoadResult[] = [];
  const p1Floor: LoadResult[] = [];
  const p1Failures: string[] = [];
  {
    // 8 clients at a time, spread over up to 64 assistants so that every save has an appointment of its own
    const p1Users = assistants.slice(0, 64);
    const clients = await Promise.all(p1Users.map(async (u) => {
      const c = new Client(server.base);
      await c.signIn(u.email, BENCH_PASSWORD);
      return c;
    }));
    const sessions = await Promise.all(p1Users.map(async (u) => (await sql<{ id: string }[]>`
      insert into auth_sessions (user_id, clinic_id, session_version, expires_at) select id, clinic_id, session_version, now() + interval '12 hours' from users where id = ${u.id} returning id`)[0]!.id));
    const work: { u: number; appointmentId: string }[] = [];
    for (let k = 0; work.length < 2 * reps * perRep; k++) {
      const u = k % p1Users.length;
      const appointmentId = queues.get(p1Users[u]!.id)!.shift();
      if (appointmentId) work.push({ u, appointmentId });
      else if (p1Users.every((x) => queues.get(x.id)!.length === 0)) throw new Error(`P1 needs ${2 * reps * perRep} future appointments; the dataset has ${work.length}`);
    }
    let nextWork = 0;
    const take = () => work[nextWork++]!;
    // a submit needs the attendance first (guardrail): record it for the work set up front, by SQL
    await sql`update appointments set attendance = 'present', attendance_recorded_by = assistant_id, attendance_recorded_at = now()
      where id in ${sql(work.map((w) => w.appointmentId))}`;
    const submitBatch = (appointmentId: string) =>
      JSON.stringify({ mutations: [{ id: randomUUID(), kind: "observation.submit", createdAt: new Date().toISOString(), payload: { id: randomUUID(), appointmentId, version: 0, ...content } }] });
    const applied = (text: string) => {
      try {
        return (JSON.parse(text) as { results?: { outcome: string }[] }).results?.[0]?.outcome === "applied";
      } catch {
        return false;
      }
    };
    for (let r = 0; r < reps; r++) {
      p1App.push(await closedLoop(8, perRep, async () => {
        const { u, appointmentId } = take();
        const res = await clients[u]!.request("/api/outbox", { method: "POST", headers: { "content-type": "application/json", origin: server.base }, body: submitBatch(appointmentId) });
        const ok = res.status === 200 && applied(res.body);
        if (!ok) p1Failures.push(`app ${res.status} ${res.body.slice(0, 300)}`);
        return ok;
      }));
      p1Floor.push(await closedLoop(8, perRep, async () => {
        const { u, appointmentId } = take();
        const res = await fetch("http://localhost:3301/outbox", { method: "POST", headers: { "x-session": sessions[u]!, "content-type": "application/json" }, body: submitBatch(appointmentId) });
        const text = await res.text();
        const ok = res.ok && applied(text);
        if (!ok) p1Failures.push(`floor ${res.status} ${text.slice(0, 300)}`);
        return ok;
      }));
    }
    const appP95 = median(p1App.map((x) => x.p95));
    const floorP95 = median(p1Floor.map((x) => x.p95));
    rows.push({
      metric: "P1 submit via outbox p95 (8 clients)",
      app: `${appP95.toFixed(1)} ms`,
      floor: `${floorP95.toFixed(1)} ms`,
      ratio: `${(appP95 / floorP95).toFixed(2)}×`,
      target: "≤ 2×",
      pass: appP95 / floorP95 <= 2,
      detail: { app: p1App, floor: p1Floor, failures: p1Failures.slice(0, 10) },
    });
  }

  // P1 sign: the therapist's sign (a server action, with the password re-entered: argon2id on both sides)
  const signAction = actions.find((a) => a.name === "signEntry");
  const signQueue = await sql<{ id: string; therapist: string; email: string }[]>`
    select o.id, o.supervising_therapist_id as therapist, u.email from observations o join users u on u.id = o.supervising_therapist_id
    where o.status = 'submitted' and u.email like 'bench-c%' order by o.submitted_at limit ${2 * reps * (smoke ? 8 : 100)}`;
  const signers = [...new Set(signQueue.map((q) => q.email))].slice(0, 32);
  if (signAction && signers.length && signQueue.length >= 2 * reps) {
    const signClients = new Map<string, Client>();
    const signSessions = new Map<string, string>();
    for (const email of signers) {
      const c = new Client(server.base);
      await c.signIn(email, BENCH_PASSWORD);
      signClients.set(email, c);
      signSessions.set(email, (await sql<{ id: string }[]>`
        insert into auth_sessions (user_id, clinic_id, session_version, expires_at) select id, clinic_id, session_version, now() + interval '12 hours' from users where email = ${email} returning id`)[0]!.id);
    }
    const entries = signQueue.filter((q) => signClients.has(q.email));
    let next = 0;
    const failures: string[] = [];
    const app: LoadResult[] = [];
    const fl: LoadResult[] = [];
    const perSignRep = Math.floor(entries.length / (2 * reps));
    for (let r = 0; r < reps; r++) {
      app.push(await closedLoop(4, perSignRep, async () => {
        const e = entries[next++]!;
        const res = await signClients.get(e.email)!.action(signAction.id, `/review/${e.id}`, [{ observationId: e.id, version: "1", password: BENCH_PASSWORD }]);
        if (res.result?.ok !== true) failures.push(`app ${res.status} ${JSON.stringify(res.result ?? res.body).slice(0, 300)}`);
        return res.result?.ok === true;
      }));
      fl.push(await closedLoop(4, perSignRep, async () => {
        const e = entries[next++]!;
        const res = await fetch("http://localhost:3301/sign", { method: "POST", headers: { "x-session": signSessions.get(e.email)!, "content-type": "application/json" }, body: JSON.stringify({ observationId: e.id, version: "1", password: BENCH_PASSWORD }) });
        const text = await res.text();
        if (!res.ok) failures.push(`floor ${res.status} ${text.slice(0, 300)}`);
        return res.ok;
      }));
    }
    const a = median(app.map((x) => x.p95));
    const f = median(fl.map((x) => x.p95));
    rows.push({
      metric: "P1 sign an entry p95 (4 clients)",
      app: `${a.toFixed(1)} ms`,
      floor: `${f.toFixed(1)} ms`,
      ratio: `${(a / f).toFixed(2)}×`,
      target: "measured (argon2id by design)",
      pass: null,
      detail: { app, floor: fl, failures: failures.slice(0, 10) },
    });
  }

  // P2: the tablet's Today is a service-worker shell fed by the working-set pull; 16 concurrent clients,
  // a full pull and a "nothing changed" pull (If-None-Match → 304), against the floor calling the same
  // lib/ functions. The server-rendered /today stays beside it.
  const p2Users = assistants.slice(0, 16);
  const todayClients = await Promise.all(p2Users.map(async (u) => {
    const c = new Client(server.base);
    await c.signIn(u.email, BENCH_PASSWORD);
    return c;
  }));
  const todaySessions = await Promise.all(p2Users.map(async (u) => (await sql<{ id: string }[]>`
    insert into auth_sessions (user_id, clinic_id, session_version, expires_at) select id, clinic_id, session_version, now() + interval '12 hours' from users where id = ${u.id} returning id`)[0]!.id));
  const p2Total = smoke ? 32 : 800;
  // A first pull creates today's room preps of the aide's rooms, and the set carries every prep of the clinic,
  // so one aide's first pull changes the tags of the others in her clinic: the tags of "nothing changed" are
  // taken once every client has pulled (a run that took them in one round saw 19 % of its 304s answer 200).
  for (let round = 0; round < 2; round++) await Promise.all(todayClients.map((c) => c.get("/api/working-set")));
  const tags = await Promise.all(todayClients.map(async (c) => (await c.get("/api/working-set")).headers.get("etag") ?? ""));
  const floorTags = await Promise.all(todaySessions.map(async (sid) => (await fetch("http://localhost:3301/working-set", { headers: { "x-session": sid } })).headers.get("etag") ?? ""));
  const p2 = async (metric: string, target: string, appGet: (w: number) => Promise<boolean>, floorGet: (w: number) => Promise<boolean>, thresholds: { ratio: number; p95: number }) => {
    const appRuns: LoadResult[] = [];
    const floorRuns: LoadResult[] = [];
    for (let r = 0; r < reps; r++) {
      appRuns.push(await closedLoop(16, p2Total, appGet));
      floorRuns.push(await closedLoop(16, p2Total, floorGet));
    }
    const appRps = median(appRuns.map((x) => x.rps));
    const floorRps = median(floorRuns.map((x) => x.rps));
    const appP95 = median(appRuns.map((x) => x.p95));
    rows.push({
      metric,
      app: `${appRps.toFixed(0)} req/s, p95 ${appP95.toFixed(0)} ms`,
      floor: `${floorRps.toFixed(0)} req/s, p95 ${median(floorRuns.map((x) => x.p95)).toFixed(0)} ms`,
      ratio: `${(appRps / floorRps).toFixed(2)}×`,
      target,
      pass: appRps / floorRps >= thresholds.ratio && appP95 <= thresholds.p95,
      detail: { app: appRuns, floor: floorRuns },
    });
  };
  const floorGet = async (sid: string, etag?: string) => {
    const res = await fetch("http://localhost:3301/working-set", { headers: { "x-session": sid, ...(etag ? { "if-none-match": etag } : {}) } });
    await res.text();
    return etag ? res.status === 304 : res.ok;
  };
  const n = todayClients.length;
  await p2("P2 working-set pull, full (16 clients)", "≥ 0.33× and p95 ≤ 50 ms",
    async (w) => (await todayClients[w % n]!.get("/api/working-set")).status === 200,
    (w) => floorGet(todaySessions[w % n]!), { ratio: 0.33, p95: 50 });
  await p2("P2 working-set pull, 304 (16 clients)", "≥ 0.33× and p95 ≤ 50 ms",
    async (w) => (await todayClients[w % n]!.get("/api/working-set", { "if-none-match": tags[w % n]! })).status === 304,
    (w) => floorGet(todaySessions[w % n]!, floorTags[w % n]!), { ratio: 0.33, p95: 50 });
  // the old server-rendered Today against the hand-written floor, as the first benchmarks measured it
  await p2("P2 server-rendered /today (16 clients)", "(was ≥ 0.25×, p95 ≤ 100 ms)",
    async (w) => (await todayClients[w % n]!.get("/today")).status === 200,
    async (w) => {
      const res = await fetch("http://localhost:3301/today", { headers: { "x-session": todaySessions[w % n]! } });
      await res.text();
      return res.ok;
    }, { ratio: 0.25, p95: 100 });

  // P4: first-load JavaScript (gzip) of Today and the observation form vs an empty page of the build
  const jsOf = async (c: Client, path: string) => {
    const html = (await c.get(path)).body;
    // scripts a current browser loads (nomodule polyfills are for old browsers only)
    const tags = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]).filter((t) => !/nomodule/i.test(t));
    const srcs = [...new Set(tags.map((t) => /src="([^"]+)"/.exec(t)?.[1]).filter((x): x is string => !!x))];
    let bytes = 0;
    for (const src of srcs) bytes += gzipSync((await c.get(src)).body).length;
    return bytes;
  };
  const c0 = todayClients[0]!;
  const empty = await jsOf(c0, "/this-page-does-not-exist"); // the build's own 404 page, signed in
  const todayJs = await jsOf(c0, "/today");
  const formJs = formAppt ? await jsOf(c0, `/sessions/${formAppt}`) : NaN;
  for (const [name, bytes] of [["Today", todayJs], ["observation form", formJs]] as const) {
    rows.push({
      metric: `P4 first-load JS, ${name} (gzip)`,
      app: `${(bytes / 1024).toFixed(1)} kB`,
      floor: `${(empty / 1024).toFixed(1)} kB (empty page)`,
      ratio: `+${((bytes - empty) / 1024).toFixed(1)} kB`,
      // issue 11: the tablet's pages (service-worker shells with the device store and crypto) ≤ empty + 90 kB
      target: "≤ empty + 90 kB",
      pass: bytes - empty <= 90 * 1024,
    });
  }

  // P5: Lighthouse, mobile preset at 820×1180, on the assistant's Today (signed in)
  const chrome = chromiumPath();
  const lhReps = smoke ? 1 : reps;
  if (chrome) {
    const p5 = async (label: string, target: string, pass: (m: LighthouseRun) => boolean, opts: (r: number) => LighthouseOptions) => {
      const lhRuns: LighthouseRun[] = [];
      for (let r = 0; r < lhReps; r++) lhRuns.push(await lighthouse(`${server.base}/today`, c0.cookieHeader(), chrome, opts(r)));
      const m = medianRun(lhRuns);
      rows.push({
        metric: `P5 Lighthouse, Today, ${label}`,
        app: `score ${m.score}, LCP ${(m.lcpMs / 1000).toFixed(2)} s`,
        floor: `TBT ${m.tbtMs.toFixed(0)} ms, CLS ${m.cls.toFixed(3)}`,
        ratio: `BI ${m.benchmarkIndex.toFixed(0)}`,
        target,
        pass: pass(m),
        detail: { runs: lhRuns },
      });
      return m;
    };
    const first = await p5("mobile 4× CPU", "≥ 95, LCP ≤ 2 s, TBT ≤ 200 ms, CLS ≤ 0.05", (m) => m.score >= 95 && m.lcpMs <= 2000 && m.tbtMs <= 200 && m.cls <= 0.05, () => ({}));
    // the throttling guide's multiplier for this host's benchmarkIndex, beside the fixed 4×
    const calibrated = calibratedSlowdown(first.benchmarkIndex);
    await p5(`mobile ${calibrated}× CPU (calibrated)`, "≥ 95, LCP ≤ 2 s, TBT ≤ 200 ms", (m) => m.score >= 95 && m.lcpMs <= 2000 && m.tbtMs <= 200, () => ({ cpuSlowdown: calibrated }));
    // repeat visit: one browser profile kept across runs (storage not reset), so what the first visit
    // installed (the service worker, its caches) serves the measured ones
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "theratrack-lh-profile-"));
    try {
      await lighthouse(`${server.base}/today`, c0.cookieHeader(), chrome, { profileDir });
      await p5("repeat visit, 4× CPU", "LCP ≤ 1 s, TBT ≤ 200 ms", (m) => m.lcpMs <= 1000 && m.tbtMs <= 200, () => ({ profileDir }));
    } finally {
      fs.rmSync(profileDir, { recursive: true, force: true });
    }
  } else {
    rows.push({ metric: "P5 Lighthouse", app: "-", floor: "-", ratio: "-", target: "≥ 95", pass: false, detail: { error: "no Chromium found (CHROME_PATH)" } });
  }
  // optional: Bulk Data $export of the largest clinic, time and the app's peak RSS (issue 12)
  if (argv.includes("--fhir-export")) rows.push(await measureFhirExport(server, sql, BENCH_PASSWORD, log));
  // issue 15: `compress: false` behind nginx — the largest JSON and HTML the tablets and pages fetch, through
  // nginx with the app compressing vs nginx compressing (scripts/bench/compress.ts); measured, no target
  if (!argv.includes("--no-compress")) {
    console.log("Compression: the app's gzip vs nginx's, through nginx");
    let current: AppServer | null = server;
    const compress = await measureCompressBehindNginx({
      restartApp: async (extra) => {
        await current?.stop();
        current = await startApp(url, extra);
        return current;
      },
      appPort: port,
      clients: todayClients,
      paths: [
        { label: "working-set pull, full", path: "/api/working-set" },
        { label: "server-rendered /today", path: "/today" },
      ],
      total: smoke ? 32 : 800,
      reps,
      pinCore: hasTaskset ? "0" : null,
      log,
    });
    for (const { label, runs } of compress) {
      const on = compressSummary(runs, "app gzip");
      const off = compressSummary(runs, "nginx gzip");
      rows.push({
        metric: `compress: false behind nginx, ${label} (16 clients)`,
        app: `${off.rps.toFixed(0)} req/s, p95 ${off.p95.toFixed(0)} ms, ${off.app.toFixed(1)}+${off.nginx.toFixed(1)} ms CPU`,
        floor: `${on.rps.toFixed(0)} req/s, p95 ${on.p95.toFixed(0)} ms, ${on.app.toFixed(1)}+${on.nginx.toFixed(1)} ms CPU`,
        ratio: `${(off.rps / on.rps).toFixed(2)}×`,
        target: "measured (nginx gzip vs app gzip)",
        pass: null,
        detail: { runs, kB: { appGzip: on.kb, nginxGzip: off.kb } },
      });
    }
  }
  await sql.end();
} catch (err) {
  if (!(err instanceof GenerateOnlyDone)) throw err;
} finally {
  floor?.kill("SIGKILL");
  for (const a of running) await a.stop();
  cluster.destroy();
}
if (generateOnly) {
  console.log("Generated and kept; nothing measured (--generate-only).");
  process.exit(0);
}

// A measurement of failed requests measures nothing: any failure marks its row and fails the run (smoke too).
const failedIn = (detail: Row["detail"]) =>
  Object.values(detail ?? {})
    .flatMap((v) => (Array.isArray(v) ? v : []))
    .reduce((n: number, x: unknown) => n + (x && typeof x === "object" && "errors" in x ? Number((x as LoadResult).errors) : 0), 0);
let failedTotal = 0;
for (const r of rows) {
  const failed = failedIn(r.detail);
  if (failed > 0) {
    failedTotal += failed;
    r.pass = false;
    r.metric += ` — ${failed} FAILED requests`;
  }
}
const pad = (x: string, n: number) => (x.length > n ? `${x.slice(0, n - 1)}…` : x.padEnd(n));
console.log(`\nBenchmarks ${smoke ? "(smoke)" : ""} scale ${scale}, ${reps} rep(s), medians — ${new Date().toISOString()}`);
console.log(`${pad("metric", 38)} ${pad("app", 26)} ${pad("floor", 26)} ${pad("ratio", 10)} ${pad("target", 26)} result`);
for (const r of rows) console.log(`${pad(r.metric, 38)} ${pad(r.app, 26)} ${pad(r.floor, 26)} ${pad(r.ratio, 10)} ${pad(r.target, 26)} ${r.pass === null ? "-" : r.pass ? "meets" : "MISSES"}`);
fs.mkdirSync("reports", { recursive: true });
fs.writeFileSync("reports/bench.json", JSON.stringify({ at: new Date().toISOString(), scale, reps, smoke, rows }, null, 2));
// The smoke run checks that the harness works (every request answered as expected); targets are judged
// on the full run on real data.
if (failedTotal > 0) console.error(`\n${failedTotal} benchmark requests failed: the figures above are not valid.`);
process.exit(failedTotal > 0 ? 1 : 0);

/** The generated data depends on the scale, the schema (migrations) and the generator. */
function dataCacheKey(factor: number): string {
  const h = createHash("sha256");
  const migrations = path.join("db", "migrations");
  for (const f of fs.readdirSync(migrations, { recursive: true }).map(String).sort()) {
    const full = path.join(migrations, f);
    if (fs.statSync(full).isFile()) h.update(f).update(fs.readFileSync(full));
  }
  h.update(fs.readFileSync(path.join("scripts", "bench", "generate.ts")));
  return `scale-${factor}-${h.digest("hex").slice(0, 12)}`;
}

/** Up to 60 s: tsx compiles the floor's lib/ imports on start, ~10 s on a busy 2-core machine. */
async function waitFor(u: string, child?: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child && child.exitCode !== null) throw new Error(`${u}: the process exited with ${child.exitCode} before answering`);
    try {
      await fetch(u);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${u} did not start`);
}
