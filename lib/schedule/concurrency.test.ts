import { and, eq, ne } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments } from "@/db/schema";
import { demo } from "@/db/seed";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicToday } from "@/lib/time";
import { createAppointment } from "./create-appointment";
import { createSeries } from "./create-series";

// PGlite has a single connection, so requests queue and never truly race: this proves the exclusion
// constraints only against a real PostgreSQL server (CI sets DATABASE_URL).
describe.skipIf(!process.env.DATABASE_URL)("double booking under concurrency (PostgreSQL only)", () => {
  beforeAll(seedDemoOnce);

  it("20 concurrent attempts to book one slot: exactly one succeeds, the rest are clear conflicts", async () => {
    const admin = await actorFor(DEMO.admin);
    const date = addDays(clinicToday("America/Los_Angeles"), 50);
    const patients = ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10", "p11", "p12"];
    // different patients, one therapist and room: every pair clashes on the room and the therapist
    const attempts = Array.from({ length: 20 }, (_, i) =>
      createAppointment(admin, {
        patientId: demo.patient("sunrise", patients[i % patients.length]!),
        therapistId: demo.user("sunrise", "peter"),
        assistantId: "",
        roomId: demo.room("sunrise", "gym"),
        date,
        startTime: "07:00",
        durationMinutes: "45",
      }),
    );
    const results = await Promise.allSettled(attempts);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Nothing was saved/) });
    const rows = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.roomId, demo.room("sunrise", "gym")), ne(appointments.status, "cancelled"), eq(appointments.therapistId, demo.user("sunrise", "peter"))));
    expect(rows.filter((r) => r.startsAt.toISOString().startsWith(date) || r.startsAt.toISOString().startsWith(addDays(date, 1)))).toHaveLength(1);
  });

  it("10 concurrent series for one slot: one is booked, the others report their conflicts and save nothing", async () => {
    const admin = await actorFor(DEMO.admin);
    const startsOn = addDays(clinicToday("America/Los_Angeles"), 60);
    const results = await Promise.all(
      ["p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", "p10"].map((p) =>
        createSeries(admin, {
          patientId: demo.patient("sunrise", p),
          therapistId: demo.user("sunrise", "olivia"),
          assistantId: "",
          roomId: demo.room("sunrise", "speech"),
          startsOn,
          weekdays: [1, 2, 3, 4, 5, 6, 7],
          startTime: "06:00",
          durationMinutes: "30",
          endMode: "count",
          occurrences: "3",
          skipConflicts: false,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "conflicts")) {
      if (r.status !== "conflicts") continue;
      expect(new Set(r.conflicts.map((c) => c.date)).size).toBe(3);
    }
    const booked = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.roomId, demo.room("sunrise", "speech")), eq(appointments.therapistId, demo.user("sunrise", "olivia"))));
    expect(booked.filter((a) => a.startsAt >= new Date(`${startsOn}T00:00:00Z`) && a.startsAt < new Date(`${addDays(startsOn, 4)}T00:00:00Z`))).toHaveLength(3);
  });
});
