/**
 * `npm run test:e2e`: a fresh database (a throwaway one on the DATABASE_URL server, or a fresh embedded
 * directory), migrated and seeded with the demo clinics; a production build; Playwright against it.
 * Extra arguments go to Playwright, e.g. `npm run test:e2e -- e2e/auth.spec.ts`.
 */
import fs from "node:fs";
import { closeDb, getDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { dropStaleTestDatabases, provisionTestDatabase } from "../db/testing";
import { hashPassword } from "../lib/auth/passwords";
import { NEXT_BIN, baseEnv, ensureAuthSecret, run } from "./lib";

ensureAuthSecret();
const serverUrl = process.env.DATABASE_URL;
let cleanup: () => Promise<void>;
if (serverUrl) {
  await dropStaleTestDatabases(serverUrl, "tt_e2e_");
  const { drop } = await provisionTestDatabase("tt_e2e");
  cleanup = drop;
} else {
  const dir = `.data/e2e-${process.pid}`;
  fs.rmSync(dir, { recursive: true, force: true });
  process.env.PGLITE_DIR = dir;
  await migrateDatabase();
  cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
}
await seedDemo(getDb(), hashPassword);
await closeDb(); // the app server opens it next

const port = process.env.E2E_PORT ?? "3100";
const env = { ...baseEnv(), NODE_ENV: "production" as const, NEXTAUTH_URL: `http://localhost:${port}`, E2E_PORT: port };
let code = process.argv.includes("--no-build") ? 0 : await run(process.execPath, [NEXT_BIN, "build"], env);
if (code === 0) {
  const args = process.argv.slice(2).filter((a) => a !== "--no-build");
  code = await run(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...args], env);
}
await cleanup();
process.exit(code);
