import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const shared = {
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside a React server bundle; in vitest everything is server-side.
      "server-only": path.resolve(root, "lib/testing/empty-module.ts"),
    },
  },
};

export default defineConfig({
  ...shared,
  test: {
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // each integration file holds a PGlite (≈250 MB) or a server database: two at a time suits 2 cores
    maxWorkers: 2,
    projects: [
      { ...shared, test: { name: "unit", include: ["{app,lib,db,components}/**/*.unit.test.{ts,tsx}"] } },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["{app,lib,db,components}/**/*.test.{ts,tsx}"],
          exclude: ["**/*.unit.test.{ts,tsx}", "node_modules/**"],
          // every integration file gets its own freshly migrated database (db/testing.ts)
          setupFiles: ["./db/test-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
