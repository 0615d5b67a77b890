import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Check } from "../context";

/** Issue 7 item 8: pg_dump → pg_restore into a fresh database finds every row, table by table. */
export const backupRestore: Check = {
  name: "backup and restore",
  async run(ctx) {
    const failures: string[] = [];
    const file = path.join(os.tmpdir(), `theratrack-rel-${process.pid}.dump`);
    const restored = `${ctx.dbName}_restored`;
    execFileSync(ctx.cluster.bin("pg_dump"), ["--format=custom", "--no-owner", "--file", file, ctx.cluster.urlFor(ctx.dbName)]);
    ctx.cluster.psql("postgres", `create database ${restored}`);
    execFileSync(ctx.cluster.bin("pg_restore"), ["--no-owner", "--exit-on-error", "--dbname", ctx.cluster.urlFor(restored), file]);
    const tables = ctx.cluster
      .psql(ctx.dbName, "select tablename from pg_tables where schemaname = 'public' order by 1")
      .split("\n")
      .filter(Boolean);
    let rows = 0;
    for (const t of tables) {
      // content fingerprint: row count and md5 over the rows in a stable order
      const q = `select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from ${t} x`;
      const a = ctx.cluster.psql(ctx.dbName, q);
      const b = ctx.cluster.psql(restored, q);
      rows += Number(a.split(":")[0]);
      if (a !== b) failures.push(`table ${t} differs after restore (${a.split(":")[0]} vs ${b.split(":")[0]} rows)`);
    }
    const chainOk = ctx.cluster.psql(restored, "select count(*) from audit_events where hash is null");
    ctx.cluster.psql("postgres", `drop database ${restored} with (force)`);
    fs.rmSync(file, { force: true });
    return { figures: { tables: tables.length, "rows compared": rows, "tables differing": failures.length, "unchained audit rows": Number(chainOk) }, failures };
  },
};
