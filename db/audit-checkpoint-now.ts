/** Shared by `audit:checkpoint` and `db:backup`: verify, then sign and append the chain heads. */
import fs from "node:fs";
import { verifyAuditChain } from "./audit-chain";
import { appendCheckpoints, keyPaths, loadPrivateKey, loadPublicKey, readCheckpoints, takeCheckpoints, verifyAgainstCheckpoints, type Checkpoint } from "./audit-checkpoints";
import type { Queryable } from "./client";

export async function checkpointNow(q: Queryable, env: Record<string, string | undefined> = process.env): Promise<{ checkpoints: Checkpoint[]; events: number; log: string }> {
  const { privateKey: keyFile, publicKey: pubFile, log } = keyPaths(env);
  if (!keyFile) throw new Error("AUDIT_SIGNING_KEY_FILE is not set (make a key with `npm run audit:checkpoint -- --generate-key <file>`)");
  const key = loadPrivateKey(keyFile);
  const chain = await verifyAuditChain(q);
  if (chain.broken.length) throw new Error(`the audit chain is broken (${chain.broken.map((b) => `clinic ${b.clinicId ?? "(none)"} at ${b.chainSeq}: ${b.reason}`).join("; ")}); run npm run audit:verify`);
  if (pubFile && fs.existsSync(log)) {
    const { checkpoints, unreadable } = readCheckpoints(log);
    const { problems } = await verifyAgainstCheckpoints(q, checkpoints, loadPublicKey(pubFile));
    if (unreadable.length || problems.length) throw new Error(`the chain does not match earlier checkpoints (${[...problems.map((p) => p.message), ...unreadable.map((l) => `unreadable line ${l}`)].join("; ")}); run npm run audit:verify`);
  }
  const checkpoints = await takeCheckpoints(q, key);
  appendCheckpoints(log, checkpoints);
  return { checkpoints, events: chain.events, log };
}
