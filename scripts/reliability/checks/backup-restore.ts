import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Check } from "../context";

function tsx(script: string, args: string[], env: NodeJS.ProcessEnv): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

/**
 * Issue 7 item 8, issue 15 item 4: `npm run db:backup` (pg_dump, with a signed audit checkpoint first) →
 * pg_restore into a fresh database finds every row, table by table, and the restored audit trail verifies
 * against the checkpoints that came with the backup.
 */
export const backupRestore: Check = {
  name: "backup and restore",
  async run(ctx) {
    const failures: string[] = [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "theratrack-rel-backup-"));
    const file = path.join(dir, "theratrack.dump");
    const restored = `${ctx.dbName}_restored`;
    const env = { ...process.env, AUDIT_SIGNING_KEY_FILE: path.join(dir, "signing.key"), AUDIT_CHECKPOINT_LOG: path.join(dir, "checkpoints.jsonl"), PATH: `${path.dirname(ctx.cluster.bin("pg_dump"))}:${process.env.PATH}` };
    try {
      tsx("scripts/audit-checkpoint.ts", ["--generate-key", env.AUDIT_SIGNING_KEY_FILE], env);
      const backup = tsx("scripts/db-backup.ts", [file], { ...env, DATABASE_URL: ctx.cluster.urlFor(ctx.dbName) });
      if (backup.code !== 0) failures.push(`npm run db:backup failed: ${backup.out.trim().slice(-300)}`);
      if (!fs.existsSync(`${file}.checkpoints.jsonl`)) failures.push("db:backup wrote no audit checkpoints beside the backup");
      ctx.cluster.psql("postgres", `create database ${restored}`);
      execFileSync(ctx.cluster.bin("pg_restore"), ["--no-owner", "--exit-on-error", "--dbname", ctx.cluster.urlFor(restored), file]);
      const tables = ctx.cluster
        .psql(ctx.dbName, "select tablename from pg_tables where schemaname = 'public' order by 1")
        .split("\n")
        .filter(Boolean);
      let rows = 0;
      let differing = 0;
      for (const t of tables) {
        // content fingerprint: row count and md5 over the rows in a stable order (the live database may
        // have moved on since the dump: only tables written during the check could differ, and none is)
        const q = `select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from ${t} x`;
        const a = ctx.cluster.psql(ctx.dbName, q);
        const b = ctx.cluster.psql(restored, q);
        rows += Number(a.split(":")[0]);
        if (a !== b) {
          differing++;
          failures.push(`table ${t} differs after restore (${a.split(":")[0]} vs ${b.split(":")[0]} rows)`);
        }
      }
      const unchained = ctx.cluster.psql(restored, "select count(*) from audit_events where hash is null");
      const verified = tsx("scripts/audit-verify.ts", ["--checkpoints", `${file}.checkpoints.jsonl`], { ...env, DATABASE_URL: ctx.cluster.urlFor(restored) });
      if (verified.code !== 0) failures.push(`the restored audit trail does not verify against the backup's checkpoints: ${verified.out.trim().slice(-300)}`);
      return {
        figures: {
          tables: tables.length,
          "rows compared": rows,
          "tables differing": differing,
          "unchained audit rows": Number(unchained),
          "restored trail vs backup's signed checkpoints": verified.code === 0 ? "verified" : "FAILED",
        },
        failures,
      };
    } finally {
      try {
        ctx.cluster.psql("postgres", `drop database if exists ${restored} with (force)`);
      } catch {
        /* cluster gone */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
