import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The commands run as users run them, each in its own process (one process per embedded data dir).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tt-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const TABLES = ["clinics", "users", "patients", "caseloads", "rooms", "goals", "delegations", "competencies", "appointments", "audit_events"];

function tsx(script: string, args: string[], dataDir: string, extraEnv: Record<string, string> = {}): string {
  const env = { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "", ...extraEnv };
  return execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** Run TypeScript against one embedded data dir in its own process; returns its last line of output. */
function inProcess(code: string, dataDir: string): string {
  // inside the project, so it runs as an ES module like the scripts
  fs.mkdirSync(".data", { recursive: true });
  const file = path.join(".data", `probe-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  fs.writeFileSync(file, code.replace("./db/client", path.resolve("db/client")));
  try {
    return tsx(file, [], dataDir).trim().split("\n").at(-1)!;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function counts(dataDir: string): Record<string, number> {
  const code = `
    import { sql } from "drizzle-orm";
    import { closeDb, getDb, queryRows } from "./db/client";
    const out: Record<string, number> = {};
    for (const t of ${JSON.stringify(TABLES)}) {
      const [r] = await queryRows<{ n: number }>(getDb(), sql.raw("select count(*)::int as n from " + t));
      out[t] = Number(r!.n);
    }
    await closeDb();
    console.log(JSON.stringify(out));`;
  return JSON.parse(inProcess(code, dataDir)) as Record<string, number>;
}

describe("embedded database backup and restore (npm run db:backup / db:restore)", () => {
  it("restores every row into a fresh directory, and never over an existing one", () => {
    const original = path.join(tmp, "original");
    tsx("scripts/seed.ts", [], original);
    const file = path.join(tmp, "backup.tar.gz");
    expect(tsx("scripts/db-backup.ts", [file], original)).toMatch(/backed up/);

    const restored = path.join(tmp, "restored");
    expect(tsx("scripts/db-restore.ts", [file], restored)).toMatch(/Restored/);
    const [a, b] = [counts(original), counts(restored)];
    expect(b).toEqual(a);
    expect(a.appointments).toBeGreaterThan(100);
    expect(() => tsx("scripts/db-restore.ts", [file], restored)).toThrow();
  }, 180_000);

  it("with a signing key, signs the audit chain heads first and ships the checkpoints beside the backup", () => {
    const original = path.join(tmp, "signed-original");
    tsx("scripts/seed.ts", [], original);
    // audit events in both clinics' chains (the seed writes none)
    inProcess(`
      import { sql } from "drizzle-orm";
      import { closeDb, getDb } from "./db/client";
      await getDb().execute(sql\`insert into audit_events (clinic_id, action, entity) select id, 'test.backup', 'x' from clinics, generate_series(1, 3)\`);
      await closeDb();
      console.log("ok");`, original);
    const keys = { AUDIT_SIGNING_KEY_FILE: path.join(tmp, "keys", "signing.key"), AUDIT_CHECKPOINT_LOG: path.join(tmp, "keys", "log.jsonl") };
    tsx("scripts/audit-checkpoint.ts", ["--generate-key", keys.AUDIT_SIGNING_KEY_FILE], original, keys);
    const file = path.join(tmp, "signed.tar.gz");
    expect(tsx("scripts/db-backup.ts", [file], original, keys)).toMatch(/Signed \d+ audit chain heads[\s\S]*copied to/);
    expect(fs.readFileSync(`${file}.checkpoints.jsonl`, "utf8").trim().split("\n")).toHaveLength(2); // Sunrise, Harbor

    const restored = path.join(tmp, "signed-restored");
    tsx("scripts/db-restore.ts", [file], restored);
    // only the public key is needed to verify
    const verifyEnv = { AUDIT_VERIFY_KEY_FILE: `${keys.AUDIT_SIGNING_KEY_FILE}.pub` };
    expect(tsx("scripts/audit-verify.ts", ["--checkpoints", `${file}.checkpoints.jsonl`], restored, verifyEnv)).toMatch(/2 signed checkpoints checked[\s\S]*intact/);
    expect(() => tsx("scripts/audit-verify.ts", ["--checkpoints", path.join(tmp, "missing.jsonl")], restored, verifyEnv)).toThrow(/does not exist/);
  }, 180_000);
});
