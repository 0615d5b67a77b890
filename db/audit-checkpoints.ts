/**
 * Signed checkpoints of each clinic's audit chain head (README "Audit checkpoints").
 *
 * The hash chain (migration 0005, db/audit-chain.ts) shows that no row was altered or removed between two
 * events, but not that the chain still reaches as far as it once did: deleting the newest events together
 * leaves a shorter, intact chain. A checkpoint records, for each chain, its last position, event id and
 * hash at a moment, signed with Ed25519. The private key lives in a file the database never sees
 * (AUDIT_SIGNING_KEY_FILE); verifying needs only the public key beside it.
 *
 * Checkpoints are kept in an append-only JSON-lines file outside the database (AUDIT_CHECKPOINT_LOG),
 * and a copy goes beside every backup. Not in a table: whoever can delete the newest events as a
 * database superuser could delete the newest checkpoints with them, and the chain would again look whole.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "./client";

export type Checkpoint = {
  v: 1;
  /** null: the chain of events that belong to no clinic (e.g. sign-in attempts for unknown emails) */
  clinicId: string | null;
  seq: number;
  eventId: number;
  headHash: string;
  at: string;
  /** first 16 hex digits of sha256 over the public key (DER), to name the key that signed */
  keyId: string;
  sig: string;
};

export type CheckpointProblem = {
  clinicId: string | null;
  reason: "truncated" | "rewritten" | "bad_signature";
  message: string;
};

const DOMAIN = "theratrack-audit-checkpoint/v1";
const payload = (c: Omit<Checkpoint, "sig" | "keyId" | "v">) => Buffer.from([DOMAIN, c.clinicId ?? "", c.seq, c.eventId, c.headHash, c.at].join("\n"), "utf8");

export function keyId(publicKey: KeyObject): string {
  return createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

/** The configured key files: the private key (for signing) and the public key beside it (for verifying). */
export function keyPaths(env: Record<string, string | undefined> = process.env): { privateKey: string | null; publicKey: string | null; log: string } {
  const privateKey = env.AUDIT_SIGNING_KEY_FILE?.trim() || null;
  const publicKey = env.AUDIT_VERIFY_KEY_FILE?.trim() || (privateKey ? `${privateKey}.pub` : null);
  const log = env.AUDIT_CHECKPOINT_LOG?.trim() || ".data/audit-checkpoints.jsonl";
  return { privateKey, publicKey, log };
}

/** A new Ed25519 key pair: the private key readable by its owner only, the public key beside it. */
export function generateKeyFiles(privatePath: string): { privatePath: string; publicPath: string } {
  if (fs.existsSync(privatePath)) throw new Error(`${privatePath} exists: refusing to overwrite a signing key`);
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  fs.mkdirSync(path.dirname(path.resolve(privatePath)), { recursive: true });
  fs.writeFileSync(privatePath, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
  const publicPath = `${privatePath}.pub`;
  fs.writeFileSync(publicPath, publicKey.export({ type: "spki", format: "pem" }), { mode: 0o644 });
  return { privatePath, publicPath };
}

export function loadPrivateKey(file: string): KeyObject {
  const key = createPrivateKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${file} is not an Ed25519 private key`);
  return key;
}

export function loadPublicKey(file: string): KeyObject {
  const key = createPublicKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`${file} is not an Ed25519 public key`);
  return key;
}

/** Every chain's head now: one checkpoint per chain, signed. */
export async function takeCheckpoints(q: Queryable, privateKey: KeyObject, now = new Date()): Promise<Checkpoint[]> {
  const heads = await queryRows<{ clinic_id: string | null; chain_seq: string | number; id: string | number; hash: string }>(
    q,
    sql`select distinct on (clinic_id) clinic_id, chain_seq, id, hash
        from audit_events where chain_seq is not null order by clinic_id, chain_seq desc`,
  );
  const publicKey = createPublicKey(privateKey);
  const kid = keyId(publicKey);
  const at = now.toISOString();
  return heads.map((h) => {
    const c = { clinicId: h.clinic_id, seq: Number(h.chain_seq), eventId: Number(h.id), headHash: h.hash, at };
    return { v: 1, ...c, keyId: kid, sig: sign(null, payload(c), privateKey).toString("base64") };
  });
}

export function signatureValid(c: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return c.v === 1 && verify(null, payload(c), publicKey, Buffer.from(c.sig, "base64"));
  } catch {
    return false;
  }
}

/** Append checkpoints to a log file (created with its folder on first use). */
export function appendCheckpoints(file: string, checkpoints: Checkpoint[]): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.appendFileSync(file, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(""), { mode: 0o644 });
}

/** Read a checkpoint log; a line that is not a checkpoint is reported, never skipped silently. */
export function readCheckpoints(file: string): { checkpoints: Checkpoint[]; unreadable: number[] } {
  const checkpoints: Checkpoint[] = [];
  const unreadable: number[] = [];
  fs.readFileSync(file, "utf8")
    .split("\n")
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const c = JSON.parse(line) as Checkpoint;
        if (typeof c.seq !== "number" || typeof c.headHash !== "string" || typeof c.sig !== "string") throw new Error("shape");
        checkpoints.push(c);
      } catch {
        unreadable.push(i + 1);
      }
    });
  return { checkpoints, unreadable };
}

/**
 * Check the chains against every signed checkpoint: the event at each checkpointed position must still be
 * there with the checkpointed hash. With the chain walk of db/audit-chain.ts that proves every event up to
 * the newest checkpoint is the one that was signed. Older checkpoints are checked too, so a cut-off end
 * cannot be laundered by writing new events past the old head and waiting for the next checkpoint.
 */
export async function verifyAgainstCheckpoints(q: Queryable, checkpoints: Checkpoint[], publicKey: KeyObject): Promise<{ latest: Checkpoint[]; checked: number; problems: CheckpointProblem[] }> {
  const problems: CheckpointProblem[] = [];
  const valid: Checkpoint[] = [];
  for (const c of checkpoints) {
    if (signatureValid(c, publicKey)) valid.push(c);
    else problems.push({ clinicId: c.clinicId, reason: "bad_signature", message: `checkpoint of ${c.at} at position ${c.seq} has no valid signature by this key (${keyId(publicKey)})` });
  }
  const latestByChain = new Map<string, Checkpoint>();
  for (const c of valid) {
    const prev = latestByChain.get(c.clinicId ?? "");
    if (!prev || c.seq > prev.seq) latestByChain.set(c.clinicId ?? "", c);
  }
  const latest = [...latestByChain.values()];
  if (!valid.length) return { latest, checked: 0, problems };
  const wanted = [...new Map(valid.map((c) => [`${c.clinicId ?? ""}:${c.seq}`, { clinic_id: c.clinicId, seq: c.seq }])).values()];
  const rows = await queryRows<{ clinic_id: string | null; seq: string | number; id: string | number | null; hash: string | null }>(
    q,
    sql`select c.clinic_id, c.seq, e.id, e.hash
        from jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as c(clinic_id uuid, seq bigint)
        left join audit_events e on e.clinic_id is not distinct from c.clinic_id and e.chain_seq = c.seq`,
  );
  const ends = await queryRows<{ clinic_id: string | null; max_seq: string | number }>(
    q,
    sql`select clinic_id, max(chain_seq) as max_seq from audit_events where chain_seq is not null group by clinic_id`,
  );
  const found = new Map(rows.map((r) => [`${r.clinic_id ?? ""}:${Number(r.seq)}`, r]));
  const endOf = new Map(ends.map((r) => [r.clinic_id ?? "", Number(r.max_seq)]));
  for (const chain of new Set(valid.map((c) => c.clinicId ?? ""))) {
    const mine = valid.filter((c) => (c.clinicId ?? "") === chain).sort((a, b) => a.seq - b.seq);
    const clinicId = mine[0]!.clinicId;
    const chainEnd = endOf.get(chain) ?? 0;
    const rewritten = mine.find((c) => {
      const r = found.get(`${chain}:${c.seq}`);
      return r?.hash && (r.hash !== c.headHash || Number(r.id) !== c.eventId);
    });
    if (rewritten) {
      const r = found.get(`${chain}:${rewritten.seq}`)!;
      problems.push({ clinicId, reason: "rewritten", message: `the event at chain position ${rewritten.seq} is not the one checkpointed at ${rewritten.at} (hash ${r.hash!.slice(0, 12)}… vs ${rewritten.headHash.slice(0, 12)}…): the chain was rewritten` });
    }
    const beyond = mine.filter((c) => !found.get(`${chain}:${c.seq}`)?.hash).at(-1);
    if (beyond) {
      problems.push({ clinicId, reason: "truncated", message: `the chain ends at position ${chainEnd}, but the checkpoint of ${beyond.at} recorded position ${beyond.seq}: its newest events were removed` });
    }
  }
  return { latest, checked: valid.length, problems };
}
