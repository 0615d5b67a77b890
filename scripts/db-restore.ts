/**
 * `npm run db:restore -- <file>`: restore a backup made by db:backup into an EMPTY database.
 * - embedded: into PGLITE_DIR (default .data/pglite), which must not exist or be empty;
 * - PostgreSQL: pg_restore into DATABASE_URL, which should be a freshly created database.
 */
import { execFileSync } from "node:child_process";
import { restoreEmbedded } from "../db/backup";
import { dbTarget } from "../db/client";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore -- <file>");
  process.exit(2);
}
const target = dbTarget();
if (target.kind === "postgres") {
  execFileSync("pg_restore", ["--no-owner", "--exit-on-error", "--dbname", target.url, file], { stdio: "inherit" });
  console.log(`Restored ${file} into the DATABASE_URL database`);
} else {
  await restoreEmbedded(file, target.dataDir);
  console.log(`Restored ${file} into ${target.dataDir}`);
}
