import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type the rest of the code sees, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DbTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

type Handle = { target: DbTarget; db: Db; close: () => Promise<void> };

const registry = globalThis as unknown as { __theratrackDb?: Map<string, Handle> };

/** PostgreSQL when DATABASE_URL is set; otherwise the embedded PGlite under PGLITE_DIR
 * (default `.data/pglite`, or `memory://…` for a throwaway in-memory database). */
export function dbTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dir = env.PGLITE_DIR?.trim() || ".data/pglite";
  return { kind: "pglite", dataDir: dir.startsWith("memory://") ? dir : path.resolve(dir) };
}

function targetKey(t: DbTarget): string {
  return t.kind === "postgres" ? `pg:${t.url}` : `pglite:${t.dataDir}`;
}

/** PGlite has no cross-process lock and two processes on one data dir corrupt it: take one. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      return () => {
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockPath, "utf8"));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `The embedded database at ${dataDir} is open in another process (pid ${holder}). ` +
            "Stop that process first, or set DATABASE_URL to use a PostgreSQL server.",
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function open(target: DbTarget): Handle {
  if (target.kind === "postgres") {
    const sql = postgres(target.url, {
      max: Number(process.env.DB_POOL_MAX ?? 10),
      idle_timeout: 30,
      connect_timeout: 5,
      // Reconnect at most a second after failures (the default grows to 20 s), so tablets write again
      // within moments of the database coming back.
      backoff: (retries: number) => Math.min(0.1 * retries, 1),
      onnotice: () => {},
    });
    const db = drizzlePostgres({ client: sql, schema }) as unknown as Db;
    return { target, db, close: () => sql.end({ timeout: 5 }) };
  }
  const inMemory = target.dataDir.startsWith("memory://");
  const unlock = inMemory ? () => {} : lockDataDir(target.dataDir);
  const extensions = { btree_gist, pg_trgm };
  // new PGlite(undefined, opts) drops the options: pass them alone for an in-memory database
  const client = inMemory ? new PGlite({ extensions }) : new PGlite(target.dataDir, { extensions });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  const onExit = () => unlock();
  process.once("exit", onExit);
  return {
    target,
    db,
    close: async () => {
      await client.close();
      unlock();
      process.removeListener("exit", onExit);
    },
  };
}

function handle(): Handle {
  const target = dbTarget();
  const key = targetKey(target);
  registry.__theratrackDb ??= new Map();
  let h = registry.__theratrackDb.get(key);
  if (!h) {
    h = open(target);
    registry.__theratrackDb.set(key, h);
  }
  return h;
}

const ambient = new AsyncLocalStorage<Tx>();

/**
 * Run `fn` with every getDb() inside it answering `tx`: the outbox replays a verb inside its own
 * transaction, so the verb's writes (its own transaction becomes a savepoint) and the ledger row that
 * records them commit or roll back together (lib/offline/process-outbox.ts).
 */
export function withAmbientTransaction<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  return ambient.run(tx, fn);
}

/** The process-wide database handle (one per target, reused across hot reloads), or the ambient
 * transaction inside withAmbientTransaction. */
export function getDb(): Db {
  return ambient.getStore() ?? handle().db;
}

export function currentDbTarget(): DbTarget {
  return handle().target;
}

/** Close every open handle: scripts and tests call this before exiting. */
export async function closeDb(): Promise<void> {
  const map = registry.__theratrackDb;
  if (!map) return;
  const handles = [...map.values()];
  map.clear();
  await Promise.all(handles.map((h) => h.close()));
}

/** Run raw SQL and get its rows, whichever driver answers (postgres.js returns an array, PGlite
 * an object with `rows`). */
export async function queryRows<T extends Record<string, unknown>>(q: Queryable, query: SQL): Promise<T[]> {
  const result = (await q.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
