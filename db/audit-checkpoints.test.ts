import { generateKeyPairSync } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "@/lib/audit";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { checkpointNow } from "./audit-checkpoint-now";
import { verifyAuditChain } from "./audit-chain";
import { appendCheckpoints, generateKeyFiles, loadPrivateKey, loadPublicKey, readCheckpoints, signatureValid, takeCheckpoints, verifyAgainstCheckpoints, type Checkpoint } from "./audit-checkpoints";
import { getDb } from "./client";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tt-checkpoints-"));
const keyFile = path.join(tmp, "keys", "audit-signing.key");
const env = { AUDIT_SIGNING_KEY_FILE: keyFile, AUDIT_CHECKPOINT_LOG: path.join(tmp, "checkpoints.jsonl") };
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
beforeAll(async () => {
  await seedDemoOnce();
  generateKeyFiles(keyFile);
});

/** What someone with superuser access could do: bypass the append-only trigger. */
async function asSuperuser(statement: ReturnType<typeof sql>) {
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(statement);
  });
}

async function events(n: number, who: keyof typeof DEMO = "ana") {
  const actor = await actorFor(DEMO[who]);
  for (let i = 0; i < n; i++) await audit(getDb(), actor, { action: "test.checkpoint", entity: "x", detail: { i } });
  return actor;
}

const verify = async () => verifyAgainstCheckpoints(getDb(), readCheckpoints(env.AUDIT_CHECKPOINT_LOG).checkpoints, loadPublicKey(`${keyFile}.pub`));

describe("signed audit checkpoints", () => {
  it("signs every chain head with Ed25519; a changed field or another key fails the signature", async () => {
    await events(2);
    await events(1, "harborAdmin");
    const cps = await takeCheckpoints(getDb(), loadPrivateKey(keyFile));
    const pub = loadPublicKey(`${keyFile}.pub`);
    expect(cps.length).toBeGreaterThanOrEqual(2); // Sunrise and Harbor at least
    expect(cps.every((c) => signatureValid(c, pub))).toBe(true);
    const c = cps[0]!;
    for (const forged of [{ ...c, seq: c.seq + 1 }, { ...c, headHash: "0".repeat(64) }, { ...c, clinicId: null }, { ...c, at: new Date(0).toISOString() }]) {
      expect(signatureValid(forged as Checkpoint, pub)).toBe(false);
    }
    const other = generateKeyPairSync("ed25519");
    expect(signatureValid(c, other.publicKey)).toBe(false);
    expect(() => generateKeyFiles(keyFile)).toThrow(/refusing to overwrite/);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it("an untouched trail matches its checkpoints, also after more events", async () => {
    await checkpointNow(getDb(), env);
    await events(3);
    const r = await verify();
    expect(r.problems).toEqual([]);
    expect(r.checked).toBeGreaterThanOrEqual(2);
  });

  it("detects the newest events deleted together, which the chain alone cannot", async () => {
    const ana = await events(4);
    await checkpointNow(getDb(), env);
    const [head] = await getDb().execute<{ seq: number }>(sql`select max(chain_seq)::int as seq from audit_events where clinic_id = ${ana.clinicId}`).then((r) => (Array.isArray(r) ? r : (r as { rows: { seq: number }[] }).rows));
    await asSuperuser(sql`delete from audit_events where clinic_id = ${ana.clinicId} and chain_seq > ${head!.seq - 3}`);
    expect((await verifyAuditChain(getDb())).broken).toEqual([]); // the chain looks whole
    const r = await verify();
    expect(r.problems).toEqual([expect.objectContaining({ clinicId: ana.clinicId, reason: "truncated" })]);
    expect(r.problems[0]!.message).toContain(`ends at position ${head!.seq - 3}`);
    // and the next scheduled checkpoint refuses to bless the shorter chain
    await expect(checkpointNow(getDb(), env)).rejects.toThrow(/does not match earlier checkpoints/);
  });

  it("detects a whole chain rewritten with recomputed hashes, and a forged line in the log", async () => {
    const hana = await events(3, "harborAdmin");
    // (the Sunrise chain was cut above, so checkpointNow would refuse: sign these heads directly)
    appendCheckpoints(env.AUDIT_CHECKPOINT_LOG, await takeCheckpoints(getDb(), loadPrivateKey(keyFile)));
    await asSuperuser(sql`do $$
      declare r record; prev text := null;
      begin
        for r in select * from audit_events where clinic_id = ${sql.raw(`'${hana.clinicId}'`)} order by chain_seq loop
          update audit_events set detail = case when r.chain_seq = 1 then detail || '{"rewritten": true}' else detail end,
            prev_hash = prev,
            hash = audit_event_digest(prev, r.chain_seq, r.at, r.clinic_id, r.actor_id, r.action, r.entity, r.entity_id, r.patient_id, r.ip, r.user_agent,
              case when r.chain_seq = 1 then r.detail || '{"rewritten": true}' else r.detail end)
          where id = r.id returning hash into prev;
        end loop;
      end $$`);
    expect((await verifyAuditChain(getDb())).broken.filter((b) => b.clinicId === hana.clinicId)).toEqual([]);
    const r = await verify();
    expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ clinicId: hana.clinicId, reason: "rewritten" })]));

    const [good] = readCheckpoints(env.AUDIT_CHECKPOINT_LOG).checkpoints;
    appendCheckpoints(env.AUDIT_CHECKPOINT_LOG, [{ ...good!, seq: 1 }]);
    fs.appendFileSync(env.AUDIT_CHECKPOINT_LOG, "not json\n");
    const log = readCheckpoints(env.AUDIT_CHECKPOINT_LOG);
    expect(log.unreadable).toHaveLength(1);
    const after = await verify();
    expect(after.problems).toEqual(expect.arrayContaining([expect.objectContaining({ reason: "bad_signature" })]));
  });

  it("refuses to sign without a key, and over a broken chain", async () => {
    await expect(checkpointNow(getDb(), {})).rejects.toThrow(/AUDIT_SIGNING_KEY_FILE is not set/);
    const ana = await events(2);
    await asSuperuser(sql`update audit_events set detail = '{"x": 1}' where id = (select max(id) from audit_events where clinic_id = ${ana.clinicId})`);
    await expect(checkpointNow(getDb(), { ...env, AUDIT_CHECKPOINT_LOG: path.join(tmp, "other.jsonl") })).rejects.toThrow(/audit chain is broken/);
  });
});
