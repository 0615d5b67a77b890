/**
 * `npm run audit:checkpoint`: sign the head of every clinic's audit chain and append it to the checkpoint
 * log (AUDIT_CHECKPOINT_LOG) with the key in AUDIT_SIGNING_KEY_FILE. Run on a schedule
 * (deploy/theratrack-audit-checkpoint.timer) and by every backup. Refuses to sign a chain that does not
 * verify: a checkpoint must never bless tampering.
 * `npm run audit:checkpoint -- --generate-key <file>`: make an Ed25519 key pair (<file>, <file>.pub).
 */
import { closeDb, getDb } from "../db/client";
import { generateKeyFiles } from "../db/audit-checkpoints";
import { checkpointNow } from "../db/audit-checkpoint-now";

const argv = process.argv.slice(2);
const gen = argv.indexOf("--generate-key");
if (gen >= 0) {
  const file = argv[gen + 1];
  if (!file) {
    console.error("usage: npm run audit:checkpoint -- --generate-key <private key file>");
    process.exit(2);
  }
  const { privatePath, publicPath } = generateKeyFiles(file);
  console.log(`Ed25519 signing key written to ${privatePath} (mode 600), public key to ${publicPath}.`);
  console.log("Keep the private key off the database host's backups; give verifiers only the public key.");
  process.exit(0);
}

try {
  const r = await checkpointNow(getDb());
  console.log(`Signed ${r.checkpoints.length} chain heads (${r.events} events) into ${r.log}.`);
} catch (err) {
  console.error(`audit:checkpoint: ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
