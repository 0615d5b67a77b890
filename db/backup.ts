import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/**
 * Backup and restore of the embedded database (PGlite). The app must be stopped: only one process may
 * open the data directory. PostgreSQL servers use pg_dump / pg_restore instead (README, "Backup").
 */
export async function backupEmbedded(dataDir: string, file: string): Promise<number> {
  if (!fs.existsSync(dataDir)) throw new Error(`No embedded database at ${dataDir}`);
  const db = new PGlite(dataDir, { extensions: { btree_gist, pg_trgm } });
  try {
    await db.waitReady; // dumpDataDir does not wait for the database to open and never settles
    const blob = await db.dumpDataDir("gzip");
    const bytes = Buffer.from(await blob.arrayBuffer());
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, bytes);
    return bytes.length;
  } finally {
    await db.close();
  }
}

export async function restoreEmbedded(file: string, dataDir: string): Promise<void> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty; move it aside first (restore never overwrites a database)`);
  }
  const blob = new Blob([fs.readFileSync(file)]);
  const db = new PGlite(dataDir, { loadDataDir: blob, extensions: { btree_gist, pg_trgm } });
  try {
    await db.query("select 1");
  } finally {
    await db.close();
  }
}
