/**
 * `npm run demo`: migrate and seed the embedded database (or DATABASE_URL with --seed-demo),
 * build, and serve on http://localhost:$PORT (default 3000).
 */
import { closeDb, currentDbTarget, getDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { hashPassword } from "../lib/auth/passwords";
import { NEXT_BIN, SERVE_BIN, baseEnv, ensureAuthSecret, run, serve } from "./lib";

const port = process.env.PORT ?? "3000";
ensureAuthSecret();
await migrateDatabase();
const target = currentDbTarget();
if (target.kind === "pglite" || process.argv.includes("--seed-demo")) {
  await seedDemo(getDb(), hashPassword);
  console.log("Demo clinics ready (password for every demo account: sunrise-demo-2026)");
} else {
  console.log("DATABASE_URL is set: demo accounts were not seeded (add --seed-demo for a throwaway database).");
}
await closeDb(); // the app process opens the embedded database next; only one process may hold it

const env = { ...baseEnv(), NODE_ENV: "production" as const, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
if (!process.argv.includes("--no-build")) {
  const code = await run(process.execPath, [NEXT_BIN, "build"], env);
  if (code !== 0) process.exit(code);
}
console.log(`\nTheraTrack: http://localhost:${port}\n`);
serve(process.execPath, [SERVE_BIN], { ...env, PORT: port });
