import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { closeDb, getDb } from "./client";
import { migrateDatabase } from "./migrate";

/** A fresh, migrated database for one test file (or one e2e run):
 * - DATABASE_URL set: a new database on that server, named tt_test_…, dropped by `drop()`;
 * - otherwise an in-memory PGlite.
 * It points DATABASE_URL / PGLITE_DIR at the new database, so db/client.ts opens it. */
export async function provisionTestDatabase(prefix = "tt_test"): Promise<{ drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL?.trim();
  if (!serverUrl) {
    process.env.PGLITE_DIR = `memory://${prefix}_${randomBytes(6).toString("hex")}`;
    await migrateDatabase();
    return { drop: closeDb };
  }
  const name = `${prefix}_${process.pid}_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  await migrateDatabase();
  getDb();
  return {
    drop: async () => {
      await closeDb();
      process.env.DATABASE_URL = serverUrl;
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** Remove databases that earlier runs (killed before cleanup) left on the server. */
export async function dropStaleTestDatabases(serverUrl: string, prefix = "tt_"): Promise<string[]> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${prefix}%`}`;
    // names carry the creating process's pid: a run still alive beside this one keeps its database
    const stale = rows.filter((r) => !processAlive(Number(/_(\d+)_[0-9a-f]+$/.exec(r.datname)?.[1])));
    for (const r of stale) await admin.unsafe(`drop database if exists "${r.datname}" with (force)`);
    return stale.map((r) => r.datname);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
