import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { hashPassword } from "@/lib/auth/passwords";
import { isTaskType } from "@/lib/care/task-types";
import { seedDemo } from "./seed";
import { SUNRISE_CARE } from "./seed-care";

async function counts() {
  const [row] = await queryRows<Record<string, number>>(
    getDb(),
    sql`select (select count(*)::int from users) users, (select count(*)::int from patients) patients,
      (select count(*)::int from appointments) appointments, (select count(*)::int from delegations) delegations,
      (select count(*)::int from goals) goals, (select count(*)::int from competencies) competencies`,
  );
  return row!;
}

describe("demo seed", () => {
  it("is idempotent", async () => {
    await seedDemo(getDb(), hashPassword);
    const first = await counts();
    await seedDemo(getDb(), hashPassword);
    expect(await counts()).toEqual(first);
    expect(first.users).toBe(8);
    expect(first.patients).toBe(16);
  });

  it("always has a today for the demo assistant, at local wall-clock times across the DST change", async () => {
    // a date just after the November change: the four weeks back straddle it
    await seedDemo(getDb(), hashPassword, new Date("2026-11-10T18:00:00Z"));
    const rows = await queryRows<{ local: string }>(
      getDb(),
      sql`select distinct to_char(a.starts_at at time zone 'America/Los_Angeles', 'HH24:MI') as local
        from appointments a join users u on u.id = a.assistant_id where u.email = 'ana.aide@sunrise.example'`,
    );
    expect(rows.map((r) => r.local).sort()).toEqual(["08:00", "09:00", "10:00", "11:00", "13:00", "14:00", "15:00"]);
  });

  it("delegates only task types from the catalogue, to assistants with a recorded competency", () => {
    const competent = new Set(SUNRISE_CARE.competencies.map(([a, t]) => `${a}:${t}`));
    for (const plan of SUNRISE_CARE.plans) {
      for (const [assistant, task] of plan.delegations) {
        expect(isTaskType(task)).toBe(true);
        expect(competent.has(`${assistant}:${task}`)).toBe(true);
      }
    }
  });
});
