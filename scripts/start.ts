/** `npm start`: apply migrations, then serve the production build. */
import { closeDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { SERVE_BIN, baseEnv, ensureAuthSecret, serve } from "./lib";

ensureAuthSecret();
await migrateDatabase();
await closeDb();
const port = process.env.PORT ?? "3000";
serve(process.execPath, [SERVE_BIN], { ...baseEnv(), PORT: port, NODE_ENV: "production", NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` });
