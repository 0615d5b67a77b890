/** `npm start`: apply migrations, then serve the production build. */
import { closeDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { SERVER_BIN, baseEnv, ensureAuthSecret, serve } from "./lib";

ensureAuthSecret();
await migrateDatabase();
await closeDb();
const port = process.env.PORT ?? "3000";
serve(process.execPath, [SERVER_BIN, "start", "-p", port], { ...baseEnv(), NODE_ENV: "production", NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` });
