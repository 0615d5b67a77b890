import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Check } from "../context";

function tsx(script: string, args: string[], env: NodeJS.ProcessEnv): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { code: 0, out };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

/** The whole chain of one clinic rehashed after a change: what a superuser who knows the digest can do. */
const rewriteChain = (clinicId: string) => `set session_replication_role = replica;
  do $$ declare r record; prev text := null; d jsonb;
  begin
    for r in select * from audit_events where clinic_id = '${clinicId}' order by chain_seq loop
      d := case when r.chain_seq = 1 then r.detail || '{"rewritten": true}' else r.detail end;
      update audit_events set detail = d, prev_hash = prev,
        hash = audit_event_digest(prev, r.chain_seq, r.at, r.clinic_id, r.actor_id, r.action, r.entity, r.entity_id, r.patient_id, r.ip, r.user_agent, d)
      where id = r.id returning hash into prev;
    end loop;
  end $$;`;

/**
 * Issue 7 item 7, issue 15 item 4: alter and remove audit rows as a superuser; `npm run audit:verify` must
 * say where. With a signed checkpoint (npm run audit:checkpoint, key outside the database), it must also
 * catch the newest events deleted together and a chain rewritten with recomputed hashes.
 */
export const auditTamper: Check = {
  name: "tamper-evident audit",
  async run(ctx) {
    const failures: string[] = [];
    const keys = fs.mkdtempSync(path.join(os.tmpdir(), "theratrack-rel-audit-key-"));
    const env = {
      ...process.env,
      DATABASE_URL: ctx.cluster.urlFor(ctx.dbName),
      AUDIT_SIGNING_KEY_FILE: path.join(keys, "signing.key"),
      AUDIT_CHECKPOINT_LOG: path.join(keys, "checkpoints.jsonl"),
    };
    const psql = (q: string) => ctx.cluster.psql(ctx.dbName, q);
    try {
      if (tsx("scripts/audit-checkpoint.ts", ["--generate-key", env.AUDIT_SIGNING_KEY_FILE], env).code !== 0) failures.push("could not generate a signing key");
      const [sunrise, harbor] = psql("select id from clinics order by name desc").split("\n"); // Sunrise…, Harbor…
      // a few events in every chain, then the scheduled checkpoint
      psql("insert into audit_events (clinic_id, action, entity) select id, 'reliability.probe', 'x' from clinics, generate_series(1, 5)");
      const signed = tsx("scripts/audit-checkpoint.ts", [], env);
      if (signed.code !== 0) failures.push(`audit:checkpoint failed on an untouched trail: ${signed.out.trim()}`);
      const clean = tsx("scripts/audit-verify.ts", [], env);
      if (clean.code !== 0) failures.push(`audit:verify failed on an untouched trail: ${clean.out.trim()}`);
      const events = Number(psql("select count(*) from audit_events"));

      // Plain UPDATE and DELETE are refused by the database...
      let refused = 0;
      for (const stmt of ["update audit_events set action = 'x' where id = (select min(id) from audit_events)", "delete from audit_events where id = (select min(id) from audit_events)"]) {
        try {
          psql(stmt);
        } catch {
          refused++;
        }
      }
      if (refused !== 2) failures.push("the database allowed UPDATE or DELETE on audit_events");

      // ...so the tamperer bypasses the trigger as a superuser. 1: one row altered.
      const victim = psql(`select id || ' ' || chain_seq from audit_events where clinic_id = '${sunrise}' order by chain_seq desc offset 3 limit 1`).split(" ");
      psql(`set session_replication_role = replica; update audit_events set detail = detail || '{"tampered": true}' where id = ${victim[0]};`);
      const altered = tsx("scripts/audit-verify.ts", [], env);
      const alteredFound = altered.code === 1 && altered.out.includes(`chain position ${victim[1]}`) && altered.out.includes("altered");
      if (!alteredFound) failures.push(`an altered row was not reported at its position: ${altered.out.trim()}`);

      // 2: the newest events of a clinic deleted together (the chain that is left is intact).
      psql(`set session_replication_role = replica; delete from audit_events where clinic_id = '${harbor}' and chain_seq > (select max(chain_seq) - 3 from audit_events where clinic_id = '${harbor}');`);
      const cut = tsx("scripts/audit-verify.ts", [], env);
      const cutFound = cut.code === 1 && cut.out.includes(`clinic ${harbor}: truncated`);
      if (!cutFound) failures.push(`the newest events deleted together went unnoticed: ${cut.out.trim()}`);

      // 3: a whole chain rewritten with recomputed hashes (this also hides the altered row from the chain walk).
      psql(rewriteChain(sunrise!));
      const rewritten = tsx("scripts/audit-verify.ts", [], env);
      const rewriteFound = rewritten.code === 1 && rewritten.out.includes(`clinic ${sunrise}: rewritten`);
      if (!rewriteFound) failures.push(`a rehashed chain went unnoticed: ${rewritten.out.trim()}`);
      if (rewritten.out.includes(`chain position ${victim[1]}`)) failures.push("the rehashed chain still fails the chain walk: the rewrite did not do what an attacker would");

      return {
        figures: {
          "events checked": events,
          "plain UPDATE/DELETE refused": refused,
          "tampered row found at": `position ${victim[1]}`,
          "tamper cases detected": `${[alteredFound, cutFound, rewriteFound].filter(Boolean).length} of 3 (altered row, newest events deleted, chain rehashed)`,
          "verify exit codes": `${altered.code}/${cut.code}/${rewritten.code}`,
        },
        failures,
      };
    } finally {
      fs.rmSync(keys, { recursive: true, force: true });
    }
  },
};
