import { and, desc, eq, lt } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { appointments, auditEvents } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { addDays, clinicToday, isoWeekday } from "@/lib/time";
import { recordAttendance } from "./record-attendance";
import { undoAttendance } from "./undo-attendance";

beforeAll(seedDemoOnce);

const TZ = "America/Los_Angeles";
const today = () => clinicToday(TZ);
const appt = (patient: string, time: string, day = today()) => demoId(`sunrise:appt:${patient}:${day}:${time}`);
async function row(id: string) {
  const [r] = await getDb().select().from(appointments).where(eq(appointments.id, id));
  return r!;
}
function nextWeekday(day: string): string {
  let d = addDays(day, 1);
  while (isoWeekday(d) > 5) d = addDays(d, 1);
  return d;
}

describe("recordAttendance", () => {
  it("the assigned assistant marks present: recorded by whom and when, version bumped, audited", async () => {
    const ana = await actorFor(DEMO.ana);
    const id = appt("p01", "08:00");
    const before = await row(id);
    const res = await recordAttendance(ana, { appointmentId: id, attendance: "present", version: before.version });
    expect(res).toMatchObject({ attendance: "present", version: before.version + 1 });
    const after = await row(id);
    expect(after).toMatchObject({ attendance: "present", attendanceRecordedBy: ana.id, version: before.version + 1 });
    expect(after.arrivedAt).not.toBeNull();
    expect(after.attendanceRecordedAt).not.toBeNull();
    const [ev] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "appointment.attendance_record"), eq(auditEvents.entityId, id)))
      .orderBy(desc(auditEvents.id));
    expect(ev).toMatchObject({ actorId: ana.id, clinicId: ana.clinicId, patientId: demo.patient("sunrise", "p01"), detail: { before: { attendance: null }, after: { attendance: "present" } } });
  });

  it("late takes the arrival time in the clinic's zone; a future arrival is refused", async () => {
    const ana = await actorFor(DEMO.ana);
    // the most recent past appointment for Maggie: its whole day is behind us
    const [past] = await getDb()
      .select()
      .from(appointments)
      .where(and(eq(appointments.patientId, demo.patient("sunrise", "p01")), lt(appointments.startsAt, new Date(Date.now() - 86_400_000))))
      .orderBy(desc(appointments.startsAt))
      .limit(1);
    const res = await recordAttendance(ana, { appointmentId: past!.id, attendance: "late", arrivalTime: "08:20", version: past!.version });
    const expected = new Intl.DateTimeFormat("en-GB", { timeZone: TZ, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(res.arrivedAt!));
    expect(expected).toBe("08:20");
    const now = await row(appt("p03", "09:00"));
    await expect(recordAttendance(ana, { appointmentId: now.id, attendance: "late", arrivalTime: "23:59", version: now.version })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });

  it("undo restores the previous state, once, and is version-checked", async () => {
    const ana = await actorFor(DEMO.ana);
    const id = appt("p02", "10:00");
    const v0 = (await row(id)).version;
    const first = await recordAttendance(ana, { appointmentId: id, attendance: "present", version: v0 });
    const mis = await recordAttendance(ana, { appointmentId: id, attendance: "no_show", version: first.version });
    await expect(undoAttendance(ana, { appointmentId: id, version: first.version })).rejects.toMatchObject({ code: "CONFLICT" });
    const undone = await undoAttendance(ana, { appointmentId: id, version: mis.version });
    expect(undone.attendance).toBe("present");
    const r = await row(id);
    expect(r).toMatchObject({ attendance: "present", attendanceRecordedBy: ana.id, version: mis.version + 1 });
    expect(r.arrivedAt?.toISOString()).toBe(first.arrivedAt);
    await expect(undoAttendance(ana, { appointmentId: id, version: r.version })).rejects.toMatchObject({ code: "CONFLICT", message: /no attendance tap to undo/ });
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "appointment.attendance_undo"), eq(auditEvents.entityId, id)));
    expect(ev).toMatchObject({ actorId: ana.id, detail: { before: { attendance: "no_show" }, after: { attendance: "present" } } });
  });

  it("a stale version is a conflict, never an overwrite", async () => {
    const ana = await actorFor(DEMO.ana);
    const id = appt("p06", "11:00");
    const v = (await row(id)).version;
    await recordAttendance(ana, { appointmentId: id, attendance: "present", version: v });
    await expect(recordAttendance(ana, { appointmentId: id, attendance: "cancelled", version: v })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await row(id)).attendance).toBe("present");
  });

  it("the appointment's therapist may record; another therapist, another assistant or an admin may not", async () => {
    const id = appt("p10", "13:00"); // Olivia's patient, Ana's appointment
    const v = (await row(id)).version;
    await expect(recordAttendance(await actorFor(DEMO.peter), { appointmentId: id, attendance: "present", version: v })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordAttendance(await actorFor(DEMO.admin), { appointmentId: id, attendance: "present", version: v })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Sam has Aiyana (p09) on his caseload but the appointment is Ana's
    const p09 = appt("p09", "14:00");
    await expect(recordAttendance(await actorFor(DEMO.sam), { appointmentId: p09, attendance: "present", version: (await row(p09)).version })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    // Maggie (p01) is not on Sam's caseload at all: not found
    await expect(recordAttendance(await actorFor(DEMO.sam), { appointmentId: id, attendance: "present", version: v })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const res = await recordAttendance(await actorFor(DEMO.olivia), { appointmentId: id, attendance: "late", version: v });
    expect(res.attendance).toBe("late");
  });

  it("another clinic's appointment is not found", async () => {
    const id = appt("p05", "15:00");
    for (const email of [DEMO.hugo, DEMO.theo]) {
      await expect(recordAttendance(await actorFor(email), { appointmentId: id, attendance: "present", version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect((await row(id)).attendance).toBeNull();
  });

  it("refuses future days, clinic-cancelled appointments and bad input", async () => {
    const ana = await actorFor(DEMO.ana);
    const future = appt("p05", "15:00", nextWeekday(today()));
    await expect(recordAttendance(ana, { appointmentId: future, attendance: "present", version: 1 })).rejects.toMatchObject({ code: "VALIDATION" });
    const id = appt("p05", "15:00");
    await getDb().update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, id));
    await expect(recordAttendance(ana, { appointmentId: id, attendance: "present", version: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    await getDb().update(appointments).set({ status: "scheduled" }).where(eq(appointments.id, id));
    await expect(recordAttendance(ana, { appointmentId: id, attendance: "here", version: 1 })).rejects.toMatchObject({ name: "ZodError" });
    await expect(recordAttendance(ana, { appointmentId: id, attendance: "late", arrivalTime: "8pm", version: 1 })).rejects.toMatchObject({ name: "ZodError" });
  });
});
