import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { appointments, appointmentSeries, auditEvents } from "@/db/schema";
import { demo } from "@/db/seed";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicTime, clinicToday, isoWeekday, zonedToUtc } from "@/lib/time";
import { cancelAppointment } from "./cancel-appointment";
import { exclusionReason } from "./conflicts";
import { createAppointment } from "./create-appointment";
import { createSeries } from "./create-series";
import { moveAppointment } from "./move-appointment";
import { getAppointment, listAppointments } from "./queries";
import { updateAppointment } from "./update-appointment";

beforeAll(seedDemoOnce);

const S = {
  segun: demo.patient("sunrise", "p12"),
  maggie: demo.patient("sunrise", "p01"),
  mei: demo.patient("sunrise", "p05"),
  peter: demo.user("sunrise", "peter"),
  olivia: demo.user("sunrise", "olivia"),
  ana: demo.user("sunrise", "ana"),
  sam: demo.user("sunrise", "sam"),
  gym: demo.room("sunrise", "gym"),
  tr1: demo.room("sunrise", "tr1"),
  speech: demo.room("sunrise", "speech"),
  sensory: demo.room("sunrise", "sensory"),
};
// well past the demo appointments (which run three weeks ahead), on a Monday
const base = (() => {
  const d = addDays(clinicToday("America/Los_Angeles"), 42);
  return addDays(d, (8 - isoWeekday(d)) % 7);
})();

const booking = (over: Record<string, unknown> = {}) => ({
  patientId: S.segun,
  therapistId: S.peter,
  assistantId: S.ana,
  roomId: S.gym,
  date: base,
  startTime: "10:00",
  durationMinutes: "45",
  ...over,
});

describe("createAppointment", () => {
  it("books at the local time in the clinic's zone and audits it", async () => {
    const admin = await actorFor(DEMO.admin);
    const { id } = await createAppointment(admin, booking());
    const a = await getAppointment(admin, id);
    expect(clinicTime(a.startsAt, "America/Los_Angeles")).toBe("10:00");
    expect(a.endsAt.getTime() - a.startsAt.getTime()).toBe(45 * 60_000);
    const [ev] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(ev).toMatchObject({ action: "appointment.create", actorId: admin.id, patientId: S.segun });
  });

  it.each([
    ["room", { patientId: S.mei, therapistId: S.olivia, assistantId: "", roomId: S.gym }, /Main Gym is booked/],
    ["therapist", { patientId: S.mei, therapistId: S.peter, assistantId: "", roomId: S.speech }, /Peter Park is busy.*one aide-assisted/],
    ["assistant", { patientId: S.mei, therapistId: S.olivia, assistantId: S.ana, roomId: S.speech }, /Ana Alvarez is busy/],
    ["patient", { patientId: S.segun, therapistId: S.olivia, assistantId: "", roomId: S.speech }, /Segun Notreal already has an appointment/],
  ])("refuses a double booking of the %s", async (_kind, over, message) => {
    const admin = await actorFor(DEMO.admin);
    await expect(createAppointment(admin, booking({ ...over, startTime: "10:30" }))).rejects.toMatchObject({ code: "CONFLICT", message });
  });

  it.each([
    ["room", "appointments_no_room_overlap", { patientId: S.mei, therapistId: S.olivia, assistantId: null, roomId: S.gym }],
    ["therapist", "appointments_no_therapist_overlap", { patientId: S.mei, therapistId: S.peter, assistantId: null, roomId: S.speech }],
    ["assistant", "appointments_no_assistant_overlap", { patientId: S.mei, therapistId: S.olivia, assistantId: S.ana, roomId: S.speech }],
    ["patient", "appointments_no_patient_overlap", { patientId: S.segun, therapistId: S.olivia, assistantId: null, roomId: S.speech }],
  ])("the database itself refuses an overlapping %s, whatever the app checks", async (kind, constraint, over) => {
    const admin = await actorFor(DEMO.admin);
    const [a] = await getDb().select().from(appointments).where(and(eq(appointments.patientId, S.segun), eq(appointments.therapistId, S.peter))).orderBy(desc(appointments.startsAt)).limit(1);
    const err = await getDb()
      .insert(appointments)
      .values({ clinicId: admin.clinicId, ...over, startsAt: new Date(a!.startsAt.getTime() + 600_000), endsAt: new Date(a!.endsAt.getTime() + 600_000) })
      .then(() => null, (e: unknown) => e);
    expect(JSON.stringify(err, Object.getOwnPropertyNames(err ?? {})) + String((err as { cause?: unknown })?.cause)).toContain(constraint);
    expect(exclusionReason(err)).toBe(kind);
  });

  it("a cancelled appointment frees its slot", async () => {
    const admin = await actorFor(DEMO.admin);
    const { id } = await createAppointment(admin, booking({ startTime: "13:00", patientId: S.maggie }));
    const a = await getAppointment(admin, id);
    await cancelAppointment(admin, { appointmentId: id, version: a.version, reason: "Patient called" });
    await expect(createAppointment(admin, booking({ startTime: "13:00", patientId: S.mei }))).resolves.toHaveProperty("id");
  });

  it("books once when the same submit arrives twice", async () => {
    const admin = await actorFor(DEMO.admin);
    const id = crypto.randomUUID();
    await createAppointment(admin, booking({ id, startTime: "15:00" }));
    await expect(createAppointment(admin, booking({ id, startTime: "15:00" }))).resolves.toEqual({ id });
    expect(await getDb().select().from(appointments).where(eq(appointments.id, id))).toHaveLength(1);
  });

  it("rejects other roles, another clinic's patient and bad input", async () => {
    for (const email of [DEMO.peter, DEMO.ana]) {
      await expect(createAppointment(await actorFor(email), booking({ startTime: "07:00" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = await actorFor(DEMO.admin);
    await expect(createAppointment(admin, booking({ startTime: "07:00", patientId: demo.patient("harbor", "p01") }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createAppointment(await actorFor(DEMO.harborAdmin), booking({ startTime: "07:00" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createAppointment(admin, booking({ startTime: "25:00", durationMinutes: "0" }))).rejects.toMatchObject({ name: "ZodError" });
    await expect(createAppointment(admin, booking({ startTime: "07:00", therapistId: S.ana, assistantId: "" }))).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("createSeries", () => {
  const series = (over: Record<string, unknown> = {}) => ({
    patientId: S.maggie,
    therapistId: S.olivia,
    assistantId: S.sam,
    roomId: S.sensory,
    startsOn: addDays(base, 7),
    weekdays: [1, 3],
    startTime: "17:00",
    durationMinutes: "60",
    endMode: "count",
    occurrences: "6",
    skipConflicts: false,
    ...over,
  });

  it("reports every conflicting date with its reason and saves nothing, or skips them when asked", async () => {
    const admin = await actorFor(DEMO.admin);
    // two clashes: Olivia busy on the first Wednesday, the Sensory Room taken on the third Monday
    await createAppointment(admin, booking({ patientId: S.mei, therapistId: S.olivia, assistantId: "", roomId: S.speech, date: addDays(base, 9), startTime: "17:30" }));
    await createAppointment(admin, booking({ patientId: S.segun, therapistId: S.peter, assistantId: "", roomId: S.sensory, date: addDays(base, 21), startTime: "16:30" }));
    const before = await getDb().$count(appointments);
    const res = await createSeries(admin, series());
    expect(res).toMatchObject({ status: "conflicts", total: 6 });
    if (res.status !== "conflicts") throw new Error("expected conflicts");
    expect(res.conflicts.map((c) => [c.date, c.reason])).toEqual([
      [addDays(base, 9), "therapist"],
      [addDays(base, 21), "room"],
    ]);
    expect(await getDb().$count(appointments)).toBe(before);
    expect(await getDb().$count(appointmentSeries)).toBe(0);

    const ok = await createSeries(admin, series({ skipConflicts: true }));
    expect(ok).toMatchObject({ status: "created", created: 4, skipped: [addDays(base, 9), addDays(base, 21)] });
    if (ok.status !== "created") throw new Error("expected created");
    const [ev] = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, ok.seriesId));
    expect(ev).toMatchObject({ action: "appointment_series.create", patientId: S.maggie });
  });

  it("edits and cancels this-and-following occurrences, leaving earlier ones", async () => {
    const admin = await actorFor(DEMO.admin);
    const res = await createSeries(admin, series({ patientId: S.segun, therapistId: S.peter, assistantId: "", roomId: S.tr1, startTime: "18:30", durationMinutes: "30", weekdays: [2], occurrences: "4" }));
    if (res.status !== "created") throw new Error("expected created");
    const rows = await getDb().select().from(appointments).where(eq(appointments.seriesId, res.seriesId)).orderBy(appointments.startsAt);
    expect(rows).toHaveLength(4);
    const second = rows[1]!;
    const second_date = addDays(base, 15);
    const up = await updateAppointment(admin, {
      appointmentId: second.id,
      version: second.version,
      scope: "following",
      therapistId: S.peter,
      assistantId: "",
      roomId: S.gym,
      date: second_date,
      startTime: "19:00",
      durationMinutes: "30",
    });
    expect(up).toEqual({ updated: 3, version: second.version + 1 });
    const after = await getDb().select().from(appointments).where(eq(appointments.seriesId, res.seriesId)).orderBy(appointments.startsAt);
    expect(after.map((a) => clinicTime(a.startsAt, "America/Los_Angeles"))).toEqual(["18:30", "19:00", "19:00", "19:00"]);
    const third = after[2]!;
    expect(await cancelAppointment(admin, { appointmentId: third.id, version: third.version, scope: "following", reason: "Therapist away" })).toEqual({ cancelled: 2 });
    const final = await getDb().select({ status: appointments.status }).from(appointments).where(eq(appointments.seriesId, res.seriesId)).orderBy(appointments.startsAt);
    expect(final.map((a) => a.status)).toEqual(["scheduled", "scheduled", "cancelled", "cancelled"]);
    // stale version is a conflict, not an overwrite
    await expect(cancelAppointment(admin, { appointmentId: second.id, version: second.version, reason: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("rejects other roles and another clinic's staff", async () => {
    await expect(createSeries(await actorFor(DEMO.olivia), series())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createSeries(await actorFor(DEMO.admin), series({ therapistId: demo.user("harbor", "theo") }))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("moveAppointment and cancelAppointment", () => {
  it("moves one appointment, refusing a clash, and audits it", async () => {
    const admin = await actorFor(DEMO.admin);
    const { id } = await createAppointment(admin, booking({ date: addDays(base, 1), startTime: "08:00", assistantId: "" }));
    const a = await getAppointment(admin, id);
    await moveAppointment(admin, { appointmentId: id, version: a.version, date: addDays(base, 2), startTime: "09:15" });
    const moved = await getAppointment(admin, id);
    expect(clinicTime(moved.startsAt, "America/Los_Angeles")).toBe("09:15");
    await createAppointment(admin, booking({ date: addDays(base, 2), startTime: "11:00", patientId: S.mei, assistantId: "", therapistId: S.olivia, roomId: S.gym }));
    await expect(moveAppointment(admin, { appointmentId: id, version: moved.version, date: addDays(base, 2), startTime: "11:15" })).rejects.toMatchObject({ code: "CONFLICT" });
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "appointment.move")));
    expect(ev).toBeDefined();
  });

  it("rejects other roles and another clinic's appointment", async () => {
    const admin = await actorFor(DEMO.admin);
    const { id } = await createAppointment(admin, booking({ date: addDays(base, 3), startTime: "08:00" }));
    await expect(cancelAppointment(await actorFor(DEMO.ana), { appointmentId: id, version: 1, reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cancelAppointment(await actorFor(DEMO.harborAdmin), { appointmentId: id, version: 1, reason: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(moveAppointment(await actorFor(DEMO.harborAdmin), { appointmentId: id, version: 1, date: base, startTime: "07:00" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listAppointments", () => {
  it("finds an appointment that started before the range and overlaps it; the database refuses one over 24 hours", async () => {
    const admin = await actorFor(DEMO.admin);
    const { id } = await createAppointment(admin, booking({ date: addDays(base, 1), startTime: "09:00", durationMinutes: "480" }));
    const noon = zonedToUtc(addDays(base, 1), "12:00", "America/Los_Angeles");
    const found = await listAppointments(admin, { from: noon, to: new Date(noon.getTime() + 3_600_000) });
    expect(found.map((a) => a.id)).toContain(id);
    const before = await listAppointments(admin, { from: new Date(noon.getTime() - 6 * 3_600_000), to: new Date(noon.getTime() - 3 * 3_600_000) });
    expect(before.map((a) => a.id)).not.toContain(id);
    const refused: unknown = await getDb()
      .update(appointments)
      .set({ endsAt: new Date(noon.getTime() + 25 * 3_600_000) })
      .where(eq(appointments.id, id))
      .then(() => null, (e: unknown) => e);
    expect(String((refused as { cause?: { message?: string } } | null)?.cause?.message)).toMatch(/appointments_max_span/);
  });
});
