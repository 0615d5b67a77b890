import { afterAll, beforeAll } from "vitest";
import { provisionTestDatabase } from "./testing";

// Every vitest file gets its own freshly migrated database (see db/testing.ts).
let drop: (() => Promise<void>) | undefined;
beforeAll(async () => {
  drop = (await provisionTestDatabase()).drop;
}, 120_000);
afterAll(async () => {
  await drop?.();
}, 60_000);
