import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The commands run as users run them, each in its own process (one process per embedded data dir).
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tt-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const TABLES = ["clinics", "users", "patients", "caseloads", "rooms", "goals", "delegations", "competencies", "appointments", "audit_events"];

function tsx(script: string, args: string[], dataDir: string): string {
  const env = { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: "" };
  return execFileSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", script, ...args], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
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
  // inside the project, so it runs as an ES module like the scripts
  fs.mkdirSync(".data", { recursive: true });
  const file = path.join(".data", `count-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  fs.writeFileSync(file, code.replace("./db/client", path.resolve("db/client")));
  try {
    return JSON.parse(tsx(file, [], dataDir).trim().split("\n").at(-1)!) as Record<string, number>;
  } finally {
    fs.rmSync(file, { force: true });
  }
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
});
