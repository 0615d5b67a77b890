import { closeDb, currentDbTarget, getDb } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { seedDemo } from "../db/seed";
import { hashPassword } from "../lib/auth/passwords";

// Demo accounts share a published password: never put them on a server database by accident.
const explicit = process.argv.includes("--server") || process.env.SEED_DEMO === "1";
if (process.env.DATABASE_URL && !explicit) {
  console.error(
    "Refusing to seed demo accounts into the PostgreSQL server at DATABASE_URL.\n" +
      "They have a published password. If this is a throwaway database, run: npm run db:seed -- --server",
  );
  process.exit(2);
}
await migrateDatabase();
await seedDemo(getDb(), hashPassword);
const t = currentDbTarget();
console.log(`Seeded the demo clinics into ${t.kind === "postgres" ? "the DATABASE_URL database" : t.dataDir}`);
await closeDb();
