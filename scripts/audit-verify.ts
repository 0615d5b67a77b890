/**
 * `npm run audit:verify [-- --checkpoints <file>]`: check the audit trail's hash chains, then the chains
 * against every signed checkpoint (AUDIT_CHECKPOINT_LOG, or the given file, e.g. the one beside a backup;
 * public key AUDIT_VERIFY_KEY_FILE or AUDIT_SIGNING_KEY_FILE.pub). Exit 1 naming each problem.
 */
import fs from "node:fs";
import { verifyAuditChain } from "../db/audit-chain";
import { keyPaths, loadPublicKey, readCheckpoints, verifyAgainstCheckpoints } from "../db/audit-checkpoints";
import { closeDb, getDb } from "../db/client";

const argv = process.argv.slice(2);
const explicit = argv.includes("--checkpoints") ? argv[argv.indexOf("--checkpoints") + 1] : undefined;
const { publicKey, log } = keyPaths();
const problems: string[] = [];
const notes: string[] = [];

const report = await verifyAuditChain(getDb());
for (const b of report.broken) {
  problems.push(`clinic ${b.clinicId ?? "(none)"}: first broken link at chain position ${b.chainSeq} (event id ${b.eventId}): ${b.reason}`);
}
const file = explicit ?? log;
if (!publicKey) {
  notes.push("No checkpoint key configured (AUDIT_VERIFY_KEY_FILE / AUDIT_SIGNING_KEY_FILE): the newest events could be removed undetected.");
} else if (!fs.existsSync(file)) {
  if (explicit) problems.push(`checkpoint file ${file} does not exist`);
  else notes.push(`No checkpoints yet in ${file} (run npm run audit:checkpoint).`);
} else {
  const { checkpoints, unreadable } = readCheckpoints(file);
  for (const line of unreadable) problems.push(`checkpoint file ${file}: line ${line} is not a checkpoint`);
  let key: ReturnType<typeof loadPublicKey> | null = null;
  try {
    key = loadPublicKey(publicKey);
  } catch (err) {
    problems.push(`cannot read the checkpoint public key ${publicKey}: ${(err as Error).message}`);
  }
  if (key) {
    const r = await verifyAgainstCheckpoints(getDb(), checkpoints, key);
    for (const p of r.problems) problems.push(`clinic ${p.clinicId ?? "(none)"}: ${p.reason}: ${p.message}`);
    const newest = r.latest.map((c) => c.at).sort().at(-1);
    notes.push(`${r.checked} signed checkpoints checked (${r.latest.length} chains, newest ${newest ?? "none"}).`);
  }
}
await closeDb();

for (const n of notes) console.log(n);
if (problems.length === 0) {
  console.log(`Audit trail intact: ${report.events} events in ${report.chains} chains.`);
} else {
  console.error(`Audit trail BROKEN (${report.events} events in ${report.chains} chains):`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
