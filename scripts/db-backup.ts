/**
 * `npm run db:backup -- <file>`: a consistent backup of the current database.
 * - embedded (no DATABASE_URL): a gzip tarball of the PGlite data directory (stop the app first);
 * - PostgreSQL: pg_dump in custom format (the app may keep running).
 */
import { execFileSync } from "node:child_process";
import { backupEmbedded } from "../db/backup";
import { dbTarget } from "../db/client";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:backup -- <file>");
  process.exit(2);
}
const target = dbTarget();
if (target.kind === "postgres") {
  execFileSync("pg_dump", ["--format=custom", "--no-owner", "--file", file, target.url], { stdio: "inherit" });
  console.log(`PostgreSQL backup written to ${file}`);
} else {
  const bytes = await backupEmbedded(target.dataDir, file);
  console.log(`Embedded database ${target.dataDir} backed up to ${file} (${bytes} bytes)`);
}
