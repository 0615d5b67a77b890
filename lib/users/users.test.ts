import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, caseloads, supervisions, users } from "@/db/schema";
import { demo, DEMO_PASSWORD } from "@/db/seed";
import { loadSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { changeOwnPassword } from "./change-own-password";
import { changeRole } from "./change-role";
import { createUser } from "./create-user";
import { deactivateUser } from "./deactivate-user";
import { reactivateUser } from "./reactivate-user";
import { resetPassword } from "./reset-password";
import { setCaseload } from "./set-caseload";
import { setSupervision } from "./set-supervision";

beforeAll(seedDemoOnce);

let ip = 0;
const login = (email: string, password = DEMO_PASSWORD) => signIn({ email, password, ip: `192.0.2.${++ip}`, userAgent: "vitest" });
const userRow = async (email: string) => (await getDb().select().from(users).where(eq(users.email, email)))[0]!;
const lastAudit = async (action: string) => (await getDb().select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1))[0];

describe("createUser", () => {
  it("creates an account that must change its initial password, and audits it", async () => {
    const admin = await actorFor(DEMO.admin);
    const { id } = await createUser(admin, { name: "Rita Resp", email: "Rita.RT@sunrise.example", role: "therapist", title: "RRT", discipline: "RT", initialPassword: "first-password-123" });
    const u = await userRow("rita.rt@sunrise.example");
    expect(u).toMatchObject({ id, clinicId: admin.clinicId, role: "therapist", discipline: "RT", mustChangePassword: true, active: true });
    expect(await lastAudit("user.create")).toMatchObject({ actorId: admin.id, entityId: id });
    const s = await login("rita.rt@sunrise.example", "first-password-123");
    if (!s.ok) throw new Error("sign-in failed");
    expect(await loadSession(s.sessionId)).toMatchObject({ ok: true, actor: { mustChangePassword: true } });
  });

  it("refuses a taken email, a therapist without discipline, short passwords and non-admins", async () => {
    const admin = await actorFor(DEMO.admin);
    await expect(createUser(admin, { name: "X", email: DEMO.ana, role: "assistant", initialPassword: "long-enough-pass" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { email: [expect.any(String)] },
    });
    await expect(createUser(admin, { name: "X", email: "x@sunrise.example", role: "therapist", initialPassword: "short" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(createUser(await actorFor(DEMO.olivia), { name: "X", email: "y@sunrise.example", role: "admin", initialPassword: "long-enough-pass" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("deactivateUser", () => {
  it("ends a signed-in user's sessions: their next request is refused; reactivation lets them sign in again", async () => {
    const admin = await actorFor(DEMO.admin);
    const s = await login(DEMO.sam);
    if (!s.ok) throw new Error("sign-in failed");
    expect((await loadSession(s.sessionId)).ok).toBe(true);
    const sam = await userRow(DEMO.sam);
    const { version } = await deactivateUser(admin, { userId: sam.id, version: sam.version });
    expect(await loadSession(s.sessionId)).toMatchObject({ ok: false });
    expect((await userRow(DEMO.sam)).sessionVersion).toBe(sam.sessionVersion + 1);
    expect(await login(DEMO.sam)).toEqual({ ok: false, reason: "invalid" });
    expect(await lastAudit("user.deactivate")).toMatchObject({ actorId: admin.id, entityId: sam.id, detail: { sessionsEnded: 1 } });

    await reactivateUser(admin, { userId: sam.id, version });
    const again = await login(DEMO.sam);
    expect(again.ok).toBe(true);
    if (again.ok) expect((await loadSession(again.sessionId)).ok).toBe(true);
    expect(await lastAudit("user.reactivate")).toMatchObject({ entityId: sam.id });
  });

  it("refuses non-admins, another clinic's user, a stale version and oneself", async () => {
    const admin = await actorFor(DEMO.admin);
    const hugo = await userRow(DEMO.hugo);
    const ana = await userRow(DEMO.ana);
    await expect(deactivateUser(admin, { userId: hugo.id, version: hugo.version })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deactivateUser(await actorFor(DEMO.peter), { userId: ana.id, version: ana.version })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deactivateUser(admin, { userId: ana.id, version: ana.version + 5 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(deactivateUser(admin, { userId: admin.id, version: 1 })).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await userRow(DEMO.hugo)).active).toBe(true);
  });
});

describe("resetPassword and changeOwnPassword", () => {
  it("a reset ends sessions and forces a new password at next sign-in; setting it clears the flag", async () => {
    const admin = await actorFor(DEMO.admin);
    const before = await login(DEMO.olivia);
    if (!before.ok) throw new Error("sign-in failed");
    const olivia = await userRow(DEMO.olivia);
    await resetPassword(admin, { userId: olivia.id, version: olivia.version, temporaryPassword: "temporary-pass-42" });
    expect(await loadSession(before.sessionId)).toMatchObject({ ok: false });
    expect(await login(DEMO.olivia)).toMatchObject({ ok: false });
    const s = await login(DEMO.olivia, "temporary-pass-42");
    if (!s.ok) throw new Error("sign-in failed");
    const loaded = await loadSession(s.sessionId);
    if (!loaded.ok) throw new Error("session refused");
    expect(loaded.actor.mustChangePassword).toBe(true);
    expect(await lastAudit("user.password_reset")).toMatchObject({ actorId: admin.id, entityId: olivia.id });

    const me = { ...loaded.actor, ip: null, userAgent: null };
    await expect(changeOwnPassword(me, { currentPassword: "wrong-wrong-wrong", newPassword: "my-own-new-password", confirmPassword: "my-own-new-password" })).rejects.toMatchObject({
      fieldErrors: { currentPassword: [expect.any(String)] },
    });
    await expect(changeOwnPassword(me, { currentPassword: "temporary-pass-42", newPassword: "my-own-new-password", confirmPassword: "different-one-here" })).rejects.toMatchObject({
      name: "ZodError",
    });
    await changeOwnPassword(me, { currentPassword: "temporary-pass-42", newPassword: "my-own-new-password", confirmPassword: "my-own-new-password" });
    // this session carries on, without the flag
    expect(await loadSession(s.sessionId)).toMatchObject({ ok: true, actor: { mustChangePassword: false } });
    expect((await login(DEMO.olivia, "my-own-new-password")).ok).toBe(true);
    expect(await lastAudit("user.password_change")).toMatchObject({ actorId: olivia.id });
  });

  it("refuses non-admins and another clinic's user", async () => {
    const hugo = await userRow(DEMO.hugo);
    await expect(resetPassword(await actorFor(DEMO.admin), { userId: hugo.id, version: hugo.version, temporaryPassword: "temporary-pass-42" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(resetPassword(await actorFor(DEMO.ana), { userId: hugo.id, version: hugo.version, temporaryPassword: "temporary-pass-42" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("changeRole", () => {
  it("bumps the session version so the new role applies at once, and drops old assignments", async () => {
    const admin = await actorFor(DEMO.admin);
    const { id } = await createUser(admin, { name: "Tess Temp", email: "tess@sunrise.example", role: "assistant", initialPassword: "first-password-123" });
    await setSupervision(admin, { assistantId: id, therapistId: demo.user("sunrise", "peter"), assign: true });
    await setCaseload(admin, { assistantId: id, patientId: demo.patient("sunrise", "p12"), assign: true });
    const s = await login("tess@sunrise.example", "first-password-123");
    if (!s.ok) throw new Error("sign-in failed");
    const u = await userRow("tess@sunrise.example");
    await changeRole(admin, { userId: id, version: u.version, role: "therapist", discipline: "PT" });
    expect(await loadSession(s.sessionId)).toMatchObject({ ok: false });
    expect(await userRow("tess@sunrise.example")).toMatchObject({ role: "therapist", discipline: "PT", sessionVersion: u.sessionVersion + 1 });
    expect(await getDb().select().from(supervisions).where(eq(supervisions.assistantId, id))).toEqual([]);
    expect(await getDb().select().from(caseloads).where(eq(caseloads.assistantId, id))).toEqual([]);
    expect(await lastAudit("user.role_change")).toMatchObject({ entityId: id, detail: { from: "assistant", to: "therapist", assignmentsRemoved: 2 } });
  });

  it("refuses non-admins, another clinic's user and oneself", async () => {
    const admin = await actorFor(DEMO.admin);
    const hugo = await userRow(DEMO.hugo);
    await expect(changeRole(admin, { userId: hugo.id, version: hugo.version, role: "admin" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(changeRole(await actorFor(DEMO.peter), { userId: hugo.id, version: hugo.version, role: "admin" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeRole(admin, { userId: admin.id, version: 1, role: "assistant" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("assignments", () => {
  it("assigns and removes supervision and caseload, idempotently and audited", async () => {
    const admin = await actorFor(DEMO.admin);
    const sam = demo.user("sunrise", "sam");
    const olivia = demo.user("sunrise", "olivia");
    const p03 = demo.patient("sunrise", "p03");
    expect(await setSupervision(admin, { assistantId: sam, therapistId: olivia, assign: true })).toEqual({ changed: true });
    expect(await setSupervision(admin, { assistantId: sam, therapistId: olivia, assign: true })).toEqual({ changed: false });
    expect(await lastAudit("supervision.assign")).toMatchObject({ entityId: sam });
    expect(await setCaseload(admin, { assistantId: sam, patientId: p03, assign: true })).toEqual({ changed: true });
    expect(await getDb().select().from(caseloads).where(and(eq(caseloads.assistantId, sam), eq(caseloads.patientId, p03)))).toHaveLength(1);
    expect(await setCaseload(admin, { assistantId: sam, patientId: p03, assign: false })).toEqual({ changed: true });
    expect(await lastAudit("caseload.remove")).toMatchObject({ patientId: p03 });
    expect(await setSupervision(admin, { assistantId: sam, therapistId: olivia, assign: false })).toEqual({ changed: true });
  });

  it("refuses non-admins, wrong roles and another clinic's people", async () => {
    const admin = await actorFor(DEMO.admin);
    const sam = demo.user("sunrise", "sam");
    await expect(setCaseload(admin, { assistantId: sam, patientId: demo.patient("harbor", "p01"), assign: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setSupervision(admin, { assistantId: demo.user("harbor", "hugo"), therapistId: demo.user("sunrise", "peter"), assign: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(setSupervision(admin, { assistantId: demo.user("sunrise", "peter"), therapistId: sam, assign: true })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(setCaseload(await actorFor(DEMO.olivia), { assistantId: sam, patientId: demo.patient("sunrise", "p03"), assign: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
