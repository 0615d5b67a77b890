/**
 * `npm run db:backup -- <file>`: a consistent backup of the current database.
 * - embedded (no DATABASE_URL): a gzip tarball of the PGlite data directory (stop the app first);
 * - PostgreSQL: pg_dump in custom format (the app may keep running).
 * With AUDIT_SIGNING_KEY_FILE set, the audit chain heads are signed first (the dump then holds at least
 * those events) and the checkpoint log is copied beside the backup as <file>.checkpoints.jsonl, so a
 * restored copy can be checked with `npm run audit:verify -- --checkpoints <file>.checkpoints.jsonl`.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { keyPaths } from "../db/audit-checkpoints";
import { backupEmbedded } from "../db/backup";
import { closeDb, dbTarget, getDb } from "../db/client";
import { checkpointNow } from "../db/audit-checkpoint-now";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:backup -- <file>");
  process.exit(2);
}
const target = dbTarget();
let checkpointError: string | null = null;
if (keyPaths().privateKey) {
  try {
    const r = await checkpointNow(getDb());
    console.log(`Signed ${r.checkpoints.length} audit chain heads into ${r.log}`);
  } catch (err) {
    checkpointError = (err as Error).message;
  } finally {
    await closeDb(); // the embedded backup opens the data directory itself
  }
} else {
  console.log("AUDIT_SIGNING_KEY_FILE is not set: no audit checkpoint written with this backup.");
}
if (target.kind === "postgres") {
  execFileSync("pg_dump", ["--format=custom", "--no-owner", "--file", file, target.url], { stdio: "inherit" });
  console.log(`PostgreSQL backup written to ${file}`);
} else {
  const bytes = await backupEmbedded(target.dataDir, file);
  console.log(`Embedded database ${target.dataDir} backed up to ${file} (${bytes} bytes)`);
}
const { log } = keyPaths();
if (keyPaths().privateKey && fs.existsSync(log)) {
  fs.copyFileSync(log, `${file}.checkpoints.jsonl`);
  console.log(`Audit checkpoints copied to ${file}.checkpoints.jsonl`);
}
if (checkpointError) {
  // the backup is written (never lose data for want of a checkpoint), but someone must look
  console.error(`audit checkpoint NOT written: ${checkpointError}`);
  process.exit(1);
}
