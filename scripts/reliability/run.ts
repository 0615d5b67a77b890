/**
 * `npm run test:reliability [-- --quick] [--no-build] [--only name,name]`
 * Proves, with figures, that no one reaches what they should not, bad input breaks nothing, and no
 * acknowledged write is lost. Runs against a private PostgreSQL cluster it creates and removes, and the
 * production build. Prints a summary table; writes reports/reliability.json; exits 1 if any check fails.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { closeDb, getDb } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { DEMO_PASSWORD, seedDemo } from "../../db/seed";
import { hashPassword } from "../../lib/auth/passwords";
import { assertPortFree, NEXT_BIN, run } from "../lib";
import { auditTamper } from "./checks/audit-tamper";
import { authzMatrix } from "./checks/authz-matrix";
import { backupRestore } from "./checks/backup-restore";
import { headers } from "./checks/headers";
import { hostileInput } from "./checks/hostile-input";
import { hostileRequests } from "./checks/hostile-requests";
import { load } from "./checks/load";
import { scaleOut } from "./checks/scale-out";
import { signInAbuse } from "./checks/sign-in-abuse";
import type { Check, CheckResult, Context } from "./context";
import { unitEnvironment, unitScript } from "./deploy-unit";
import { AppServer, PrivateCluster } from "./env";
import { Nginx } from "./nginx";

const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const only = argv.find((a) => a.startsWith("--only="))?.slice(7).split(",");
const CHECKS: Check[] = [authzMatrix, hostileInput, hostileRequests, headers, signInAbuse, scaleOut, load, backupRestore, auditTamper].filter((c) => !only || only.some((o) => c.name.includes(o)));

// A primary and its synchronous hot standby; three app instances (REL_PORT, +1, +2) behind nginx.
const cluster = new PrivateCluster(Number(process.env.REL_PG_PORT ?? 55432));
const standby = new PrivateCluster(Number(process.env.REL_PG_STANDBY_PORT ?? cluster.port + 2));
const dbName = "theratrack_rel";
const port = Number(process.env.REL_PORT ?? 3200);
const instancePorts = [port, port + 1, port + 2];
const nginx = new Nginx(Number(process.env.REL_NGINX_PORT ?? port + 9), instancePorts);
const results: CheckResult[] = [];
let instances: AppServer[] = [];

/** Stop what the suite started; also on a crash, so no instance, nginx or cluster outlives the run. */
let cleaned: Promise<void> | null = null;
function cleanUp(): Promise<void> {
  cleaned ??= (async () => {
    await nginx.stop().catch(() => undefined);
    await Promise.all(instances.map((i) => i.stop().catch(() => undefined)));
    standby.destroy();
    cluster.destroy();
  })();
  return cleaned;
}
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (err: unknown) => {
    console.error(`\nreliability: ${event}, stopping everything the suite started:`, err);
    void cleanUp().finally(() => process.exit(1));
  });
}

try {
  // an earlier run's leftovers would answer (or hang) instead of this run's servers
  for (const p of [cluster.port, standby.port, ...instancePorts, nginx.port]) await assertPortFree(p, "reliability: port");
  cluster.init();
  standby.initStandbyOf(cluster);
  await waitForSyncStandby(cluster);
  cluster.psql("postgres", `create database ${dbName}`);
  process.env.DATABASE_URL = cluster.urlFor(dbName);
  delete process.env.PGLITE_DIR;
  await migrateDatabase();
  await seedDemo(getDb(), hashPassword);
  await closeDb();

  // the app follows the primary: both hosts, and only a read-write session will do
  const appDbUrl = `postgres://postgres@127.0.0.1:${cluster.port},127.0.0.1:${standby.port}/${dbName}?target_session_attrs=read-write`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: appDbUrl,
    NEXTAUTH_URL: nginx.base,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url"),
  };
  if (!argv.includes("--no-build") || !fs.existsSync(".next/BUILD_ID")) {
    if ((await run(process.execPath, [NEXT_BIN, "build"], env)) !== 0) throw new Error("next build failed");
  }
  if (unitScript() !== "scripts/serve.mjs") throw new Error(`the unit runs ${unitScript()}, the suite's AppServer runs scripts/serve.mjs`);
  instances = instancePorts.map((p) => new AppServer(p, { ...env, ...unitEnvironment(p) }));
  await Promise.all(instances.map((i) => i.start()));
  await nginx.start();
  const ctx: Context = { app: instances[0]!, instances, lb: nginx, cluster, standby, dbName, quick, password: DEMO_PASSWORD };

  for (const check of CHECKS) {
    const started = performance.now();
    process.stdout.write(`▶ ${check.name}…\n`);
    try {
      const r = await check.run(ctx);
      results.push({ name: check.name, ...r, seconds: Math.round((performance.now() - started) / 100) / 10 });
    } catch (err) {
      results.push({ name: check.name, figures: {}, failures: [`crashed: ${(err as Error).stack ?? err}`], seconds: Math.round((performance.now() - started) / 100) / 10 });
    }
    const last = results.at(-1)!;
    process.stdout.write(`  ${last.failures.length ? "✗ FAIL" : "✓ pass"} (${last.seconds}s)\n`);
  }
  fs.mkdirSync("reports", { recursive: true });
  fs.writeFileSync("reports/reliability-server.log", instances.map((i) => `=== instance ${i.port}\n${i.log.join("")}`).join("\n"));
  const crashes = instances.flatMap((i) => i.crashes());
  if (crashes.length) results.push({ name: "app process", figures: { "crash lines in server log": crashes.length }, failures: crashes.slice(0, 5) });
} finally {
  await cleanUp();
}

/** Wait until the standby streams and is the synchronous one (commits wait for it). */
async function waitForSyncStandby(primary: PrivateCluster): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (primary.psql("postgres", "select count(*) from pg_stat_replication where sync_state = 'sync' and state = 'streaming'") === "1") return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the standby did not become synchronous within 30 s");
}

// Summary
const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));
console.log(`\nReliability ${quick ? "(quick)" : "(full)"} — ${new Date().toISOString()}`);
console.log(`Deployment: ${instancePorts.length} app instances (${instancePorts.join(", ")}) behind nginx on ${nginx.port}; PostgreSQL primary on ${cluster.port} with a synchronous hot standby on ${standby.port} (remote_apply), app URL with target_session_attrs=read-write`);
console.log(`${pad("check", 24)} ${pad("result", 6)} figures`);
for (const r of results) {
  const figs = Object.entries(r.figures).map(([k, v]) => `${k}: ${v}`).join("; ");
  console.log(`${pad(r.name, 24)} ${pad(r.failures.length ? "FAIL" : "pass", 6)} ${figs}`);
  for (const f of r.failures.slice(0, 10)) console.log(`${" ".repeat(31)}✗ ${f}`);
}
fs.mkdirSync("reports", { recursive: true });
fs.writeFileSync("reports/reliability.json", JSON.stringify({ at: new Date().toISOString(), quick, results }, null, 2));
const failed = results.filter((r) => r.failures.length).length;
console.log(`\n${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
