/** `npm run dev` runs this first: migrations (and the demo seed on the embedded database). */
import { closeDb, currentDbTarget, getDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { hashPassword } from "../lib/auth/passwords";
import { ensureAuthSecret } from "./lib";

ensureAuthSecret();
await migrateDatabase();
if (currentDbTarget().kind === "pglite") await seedDemo(getDb(), hashPassword);
await closeDb();
