import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import postgres from "postgres";
import { currentDbTarget, getDb } from "./client";

export const migrationsFolder = path.resolve(process.env.MIGRATIONS_DIR ?? "db/migrations");

// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 7_305_114_2;

/** Bring the current database (see db/client.ts) up to the latest migration. Safe to run from several
 * app instances at once on PostgreSQL: an advisory lock makes them take turns. */
export async function migrateDatabase(): Promise<void> {
  const target = currentDbTarget();
  if (target.kind === "pglite") {
    await migratePglite(getDb() as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres({ client: sql }), { migrationsFolder });
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
