import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { appointments, auditEvents, patients, supplies } from "@/db/schema";
import { recordSupplyMovement } from "@/lib/supplies/record-supply-movement";
import { recordAttendance } from "@/lib/schedule/record-attendance";
import { setOwnLocale } from "@/lib/users/set-own-locale";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { clinicToday } from "@/lib/time";
import { deriveDeviceKey, issueDeviceKey } from "./device-key";
import { offlineActor } from "./http";
import type { WorkingSet } from "./protocol";
import { etagMatches, pullWorkingSet } from "./pull-working-set";

beforeAll(seedDemoOnce);

const today = () => clinicToday("America/Los_Angeles");
const appt = (patient: string, time: string) => demoId(`sunrise:appt:${patient}:${today()}:${time}`);
async function full(email: string, ifNoneMatch: string | null = null): Promise<WorkingSet> {
  const pull = await pullWorkingSet(await actorFor(email), ifNoneMatch);
  if (pull.status !== 200) throw new Error("expected a full pull");
  return pull.set;
}
const pulls = async (actorId: string) =>
  (await getDb().select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.actorId, actorId), eq(auditEvents.action, "offline.working_set"))))[0]!.n;

describe("working set", () => {
  it("holds the aide's day with the minimum necessary: no MRN, no date of birth, nothing outside the caseload or clinic", async () => {
    const set = await full(DEMO.ana);
    const json = JSON.stringify(set);
    expect(set.user).toMatchObject({ id: demo.user("sunrise", "ana"), role: "assistant" });
    expect(set.clinic).toMatchObject({ timeZone: "America/Los_Angeles", idleTimeoutMinutes: expect.any(Number) });
    expect(set.days.today).toBe(today());
    const todays = set.appointments.filter((a) => a.day === today());
    expect(todays.map((a) => a.id)).toContain(appt("p01", "08:00"));
    expect(todays.length).toBe(7);
    const ids = set.patients.map((p) => p.id);
    expect(ids).toContain(demo.patient("sunrise", "p01"));
    expect(ids).not.toContain(demo.patient("sunrise", "p04")); // Sam's caseload
    expect(ids).not.toContain(demo.patient("sunrise", "p12")); // nobody's caseload
    expect(set.patients.find((p) => p.id === demo.patient("sunrise", "p01"))).toEqual({
      id: demo.patient("sunrise", "p01"),
      displayName: "Maggie Testwell",
      precautions: ["Fall risk", "Hip precautions (posterior)"],
      preferredLanguage: "English",
      interpreterNeeded: false,
    });
    const mrns = (await getDb().select({ mrn: patients.mrn, dob: patients.dateOfBirth }).from(patients)).flatMap((p) => [p.mrn, p.dob]).filter(Boolean);
    for (const v of mrns) expect(json).not.toContain(v as string);
    for (const other of ["Fakenham", "Mockett", "Harbor Gym", "HR-2001"]) expect(json).not.toContain(other);
    expect(set.appointments.every((a) => set.patients.some((p) => p.id === a.patientId))).toBe(true);
    expect(set.delegations.length).toBeGreaterThan(0);
    expect(set.delegations.every((d) => ids.includes(d.patientId))).toBe(true);
    expect(set.competencies.length).toBeGreaterThan(0);
    expect(set.therapists.map((t) => t.label)).toEqual(expect.arrayContaining(["Peter Park, DPT"]));
    expect(set.supplies.length).toBeGreaterThan(0);
    // the rooms of today's appointments have a prep, with items, ready to tick offline
    const gym = set.appointments.find((a) => a.id === appt("p01", "08:00"))!.roomId;
    const prep = set.roomPreps.find((p) => p.roomId === gym);
    expect(prep?.items.length).toBeGreaterThan(0);
    expect(set.rooms.find((r) => r.id === gym)?.prepId).toBe(prep!.id);
  });

  it("includes the returned entry with its content and the therapist's comment", async () => {
    const set = await full(DEMO.ana);
    const returned = set.observations.filter((o) => o.status === "returned");
    expect(returned.length).toBeGreaterThan(0);
    expect(returned[0]!.returnComment).toBeTruthy();
    expect(set.appointments.some((a) => a.id === returned[0]!.appointmentId)).toBe(true);
  });

  it("another aide's set holds only their caseload", async () => {
    const set = await full(DEMO.sam);
    const ids = set.patients.map((p) => p.id);
    expect(ids).toContain(demo.patient("sunrise", "p04"));
    expect(ids).not.toContain(demo.patient("sunrise", "p01"));
    expect(set.appointments.every((a) => a.patientId !== demo.patient("sunrise", "p01"))).toBe(true);
  });

  it("answers 304 while nothing changed, not audited; a write anywhere in the set changes the tag", async () => {
    const ana = await actorFor(DEMO.ana);
    const first = await pullWorkingSet(ana, null);
    const audited = await pulls(ana.id);
    const again = await pullWorkingSet(ana, `"${first.etag}"`);
    expect(again).toEqual({ status: 304, etag: first.etag });
    expect(await pulls(ana.id)).toBe(audited);

    const a = appt("p03", "09:00");
    const [row] = await getDb().select().from(appointments).where(eq(appointments.id, a));
    await recordAttendance(ana, { appointmentId: a, attendance: "present", version: row!.version });
    const afterAttendance = await pullWorkingSet(ana, `"${first.etag}"`);
    expect(afterAttendance.status).toBe(200);
    expect(afterAttendance.etag).not.toBe(first.etag);

    // someone else restocks a supply: the aide's set shows stock, so the tag changes too
    const [s] = await getDb().select().from(supplies).where(eq(supplies.clinicId, ana.clinicId)).limit(1);
    await recordSupplyMovement(await actorFor(DEMO.admin), { id: randomUUID(), supplyId: s!.id, kind: "restock", quantity: 2 });
    expect((await pullWorkingSet(ana, `W/"${afterAttendance.etag}"`)).status).toBe(200);
  });

  it("carries the account's language, and a change on /account changes the tag (the tablet follows at the next pull)", async () => {
    const before = await actorFor(DEMO.ana);
    const first = await pullWorkingSet(before, null);
    expect(first.status === 200 && first.set.user.locale).toBe(before.locale);
    await setOwnLocale(before, { locale: "es" });
    const after = await pullWorkingSet(await actorFor(DEMO.ana), `"${first.etag}"`);
    expect(after.status).toBe(200);
    expect(after.status === 200 && after.set.user.locale).toBe("es");
    await setOwnLocale(await actorFor(DEMO.ana), { locale: "" });
    const back = await pullWorkingSet(await actorFor(DEMO.ana), `"${after.etag}"`);
    expect(back.status === 200 && back.set.user.locale).toBeNull();
  });

  it("is for assistants only", async () => {
    await expect(pullWorkingSet(await actorFor(DEMO.peter), null)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(pullWorkingSet(await actorFor(DEMO.admin), null)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("matches If-None-Match lists and weak tags", () => {
    expect(etagMatches('"abc"', "abc")).toBe(true);
    expect(etagMatches('W/"abc", "def"', "def")).toBe(true);
    expect(etagMatches('"abd"', "abc")).toBe(false);
    expect(etagMatches(null, "abc")).toBe(false);
  });
});

describe("device key", () => {
  const env = { NEXTAUTH_SECRET: "test-secret-one" } as NodeJS.ProcessEnv;
  it("is 32 bytes, the same for a user every time, different between users and secrets", () => {
    const a = deriveDeviceKey("user-a", env);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(deriveDeviceKey("user-a", env)).toBe(a);
    expect(deriveDeviceKey("user-b", env)).not.toBe(a);
    expect(deriveDeviceKey("user-a", { NEXTAUTH_SECRET: "another" } as NodeJS.ProcessEnv)).not.toBe(a);
    expect(deriveDeviceKey("user-a", { ...env, DEVICE_KEY_SECRET: "own" } as NodeJS.ProcessEnv)).not.toBe(a);
    expect(() => deriveDeviceKey("user-a", {} as NodeJS.ProcessEnv)).toThrow(/DEVICE_KEY_SECRET or NEXTAUTH_SECRET/);
  });

  it("is issued to the signed-in aide only, audited; without a session the gate answers 401, other roles 403", async () => {
    process.env.NEXTAUTH_SECRET ??= "vitest-secret";
    const ana = await actorFor(DEMO.ana);
    const key = await issueDeviceKey(ana);
    expect(key).toMatchObject({ userId: ana.id, keyVersion: 1 });
    expect((await issueDeviceKey(ana)).key).toBe(key.key);
    expect((await issueDeviceKey(await actorFor(DEMO.sam))).key).not.toBe(key.key);
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.actorId, ana.id), eq(auditEvents.action, "device.key_issued")));
    expect(ev).toMatchObject({ entity: "user", entityId: ana.id });
    expect(JSON.stringify(ev)).not.toContain(key.key);
    await expect(issueDeviceKey(await actorFor(DEMO.peter))).rejects.toMatchObject({ code: "FORBIDDEN" });

    const anonymous = await offlineActor(async () => null, "/api/device-key");
    expect("response" in anonymous && anonymous.response.status).toBe(401);
    const therapist = await offlineActor(async () => actorFor(DEMO.peter), "/api/device-key");
    expect("response" in therapist && therapist.response.status).toBe(403);
    const aide = await offlineActor(async () => ana, "/api/device-key");
    expect("actor" in aide && aide.actor.id).toBe(ana.id);
  });
});
