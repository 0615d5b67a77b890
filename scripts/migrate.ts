import { closeDb, currentDbTarget } from "../db/client";
import { migrateDatabase } from "../db/migrate";

await migrateDatabase();
const t = currentDbTarget();
console.log(`Migrated ${t.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `embedded database at ${t.dataDir}`}`);
await closeDb();
