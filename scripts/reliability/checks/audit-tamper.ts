import { execFileSync } from "node:child_process";
import type { Check } from "../context";

function verify(env: NodeJS.ProcessEnv): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/audit-verify.ts"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    return { code: 0, out };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

/** Issue 7 item 7: alter and remove audit rows as a superuser; `npm run audit:verify` must say where. */
export const auditTamper: Check = {
  name: "tamper-evident audit",
  async run(ctx) {
    const failures: string[] = [];
    const env = { ...process.env, DATABASE_URL: ctx.cluster.urlFor(ctx.dbName) };
    const clean = verify(env);
    if (clean.code !== 0) failures.push(`audit:verify failed on an untouched trail: ${clean.out.trim()}`);
    const events = Number(ctx.cluster.psql(ctx.dbName, "select count(*) from audit_events"));
    // Plain UPDATE and DELETE are refused by the database...
    let refused = 0;
    for (const stmt of ["update audit_events set action = 'x' where id = (select min(id) from audit_events)", "delete from audit_events where id = (select min(id) from audit_events)"]) {
      try {
        ctx.cluster.psql(ctx.dbName, stmt);
      } catch {
        refused++;
      }
    }
    if (refused !== 2) failures.push("the database allowed UPDATE or DELETE on audit_events");
    // ...so the tamperer bypasses the trigger as a superuser.
    const victim = ctx.cluster.psql(ctx.dbName, "select id || ' ' || chain_seq from audit_events where clinic_id is not null order by id desc offset 3 limit 1").split(" ");
    ctx.cluster.psql(ctx.dbName, `set session_replication_role = replica; update audit_events set detail = detail || '{"tampered": true}' where id = ${victim[0]};`);
    const altered = verify(env);
    if (altered.code === 0 || !altered.out.includes(`chain position ${victim[1]}`) || !altered.out.includes("altered")) {
      failures.push(`an altered row was not reported at its position: ${altered.out.trim()}`);
    }
    return {
      figures: { "events checked": events, "plain UPDATE/DELETE refused": refused, "tampered row found at": `position ${victim[1]}`, "verify exit code": altered.code },
      failures,
    };
  },
};
