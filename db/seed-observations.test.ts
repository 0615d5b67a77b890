import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { hashPassword } from "@/lib/auth/passwords";
import { seedDemo } from "./seed";

async function counts() {
  const [row] = await queryRows<Record<string, number>>(
    getDb(),
    sql`select (select count(*)::int from observations where status = 'signed') signed,
      (select count(*)::int from observations where status = 'submitted') submitted,
      (select count(*)::int from observations where status = 'returned') returned,
      (select count(*)::int from goal_observations) goal_observations,
      (select count(*)::int from task_completions) task_completions,
      (select count(*)::int from concerns) concerns, (select count(*)::int from progress_reports) reports`,
  );
  return row!;
}

describe("demo observations seed", () => {
  it("is idempotent and gives signed history, entries awaiting signature, one returned, a concern and a report", async () => {
    await seedDemo(getDb(), hashPassword);
    const first = await counts();
    await seedDemo(getDb(), hashPassword);
    expect(await counts()).toEqual(first);
    expect(first.signed!).toBeGreaterThan(100);
    expect(first.submitted!).toBeGreaterThanOrEqual(10);
    expect(first).toMatchObject({ returned: 1, concerns: 1, reports: 1 });
    expect(first.goal_observations!).toBeGreaterThan(first.signed!);
  });
});
