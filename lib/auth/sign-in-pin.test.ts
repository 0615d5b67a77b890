import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed";
import { auditEvents, authSessions, clinics, pinEnrolments, users } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { deactivateUser } from "@/lib/users/deactivate-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import type { Actor } from "./actor";
import { enrolDevice } from "./enrol-device";
import { listEnrolments } from "./enrolment-queries";
import { issuePinChallenge } from "./pin-challenge";
import { PIN_FAILURE_LIMIT, pinChallengeMessage } from "./pin-rules";
import { revokeEnrolment } from "./revoke-enrolment";
import { loadSession, revokeSession } from "./sessions";
import { signIn } from "./sign-in";
import { signInWithPin } from "./sign-in-pin";

beforeAll(seedDemoOnce);

let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;
const ua = "Mozilla/5.0 (Linux; Android 14) Chrome/156.0 Safari/537.36";

/** A tablet's enrolment as the tablet holds it: the private key (here in the clear; on the tablet wrapped under the PIN). */
type Tablet = { enrolmentId: string; privateKey: KeyObject; deviceId: string };

/** Signed in with the password (a full sign-in), as the tablet does before enrolling. */
async function fullSignIn(email: string): Promise<Actor> {
  const res = await signIn({ email, password: DEMO_PASSWORD, ip: freshIp(), userAgent: ua });
  if (!res.ok) throw new Error(`sign-in failed: ${res.reason}`);
  return { ...(await actorFor(email)), sessionId: res.sessionId, userAgent: ua };
}

async function enrol(email: string, deviceId: string = randomUUID()): Promise<Tablet> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const x = publicKey.export({ format: "jwk" }).x!;
  const r = await enrolDevice(await fullSignIn(email), { deviceId, publicKey: x });
  return { enrolmentId: r.enrolmentId, privateKey, deviceId };
}

/** One PIN sign-in: a challenge, signed with `key` (the right one, or what a wrong PIN unwraps). */
async function answer(t: Tablet, key: KeyObject = t.privateKey, ip = freshIp()) {
  const c = await issuePinChallenge({ enrolmentId: t.enrolmentId });
  const signature = sign(null, Buffer.from(pinChallengeMessage(t.enrolmentId, c.challengeId, c.nonce)), key).toString("base64url");
  return signInWithPin({ enrolmentId: t.enrolmentId, challengeId: c.challengeId, signature, ip, userAgent: ua });
}
const wrongKey = () => generateKeyPairSync("ed25519").privateKey;
const failedOf = async (id: string) => (await getDb().select({ n: pinEnrolments.failedAttempts }).from(pinEnrolments).where(eq(pinEnrolments.id, id)))[0]!.n;

describe("enrolDevice", () => {
  it("enrols after a full sign-in, keeps only the public key and audits it", async () => {
    const t = await enrol(DEMO.ana);
    const [row] = await getDb().select().from(pinEnrolments).where(eq(pinEnrolments.id, t.enrolmentId));
    expect(row).toMatchObject({ deviceId: t.deviceId, deviceLabel: "Chrome on Android", failedAttempts: 0, revokedAt: null });
    expect(row!.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "device.enrolled"), eq(auditEvents.entityId, t.enrolmentId)));
    expect(ev).toMatchObject({ entity: "pin_enrolment", detail: { deviceId: t.deviceId } });
  });

  it("refuses a session opened with a PIN (a PIN cannot renew itself), other roles and a bad key", async () => {
    const t = await enrol(DEMO.ana);
    const r = await answer(t);
    if (!r.ok) throw new Error("pin sign-in failed");
    const pinActor = { ...(await actorFor(DEMO.ana)), sessionId: r.sessionId };
    const key = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" }).x!;
    await expect(enrolDevice(pinActor, { deviceId: randomUUID(), publicKey: key })).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "errors.enrolment.fullSignIn" });
    await expect(enrolDevice(await fullSignIn(DEMO.olivia), { deviceId: randomUUID(), publicKey: key })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(enrolDevice(await fullSignIn(DEMO.ana), { deviceId: randomUUID(), publicKey: "A".repeat(43) + "x" })).rejects.toThrow();
  });

  it("enrolling again on the same tablet replaces the old enrolment", async () => {
    const deviceId = randomUUID();
    const first = await enrol(DEMO.sam, deviceId);
    const second = await enrol(DEMO.sam, deviceId);
    expect(await answer(first)).toEqual({ ok: false, reason: "ended" });
    expect((await answer(second)).ok).toBe(true);
  });
});

describe("signInWithPin", () => {
  it("opens a real session with the right key and audits sign_in with method pin and the device", async () => {
    const t = await enrol(DEMO.ana);
    const r = await answer(t);
    expect(r).toMatchObject({ ok: true, enrolmentId: t.enrolmentId });
    if (!r.ok) return;
    expect(await loadSession(r.sessionId)).toMatchObject({ ok: true, actor: { email: DEMO.ana } });
    const [s] = await getDb().select().from(authSessions).where(eq(authSessions.id, r.sessionId));
    expect(s).toMatchObject({ method: "pin", enrolmentId: t.enrolmentId });
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.entityId, r.sessionId)));
    expect(ev!.detail).toEqual({ method: "pin", enrolmentId: t.enrolmentId, deviceId: t.deviceId });
    // the switch's sign-out names the device too
    await revokeSession(r.sessionId, "sign_out", { id: null, clinicId: null, ip: null, userAgent: null });
    const [out] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sign_out"), eq(auditEvents.entityId, r.sessionId)));
    expect(out!.detail).toMatchObject({ method: "pin", enrolmentId: t.enrolmentId, deviceId: t.deviceId });
  });

  it("a wrong PIN and an unknown enrolment answer alike; a wrong PIN is counted, a right one resets the count", async () => {
    const t = await enrol(DEMO.ana);
    const wrong = await answer(t, wrongKey());
    const unknown = await answer({ ...t, enrolmentId: randomUUID() });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(await failedOf(t.enrolmentId)).toBe(1);
    expect((await answer(t)).ok).toBe(true);
    expect(await failedOf(t.enrolmentId)).toBe(0);
  });

  it("a challenge is single use, bound to its enrolment, and short-lived", async () => {
    const t = await enrol(DEMO.ana);
    const c = await issuePinChallenge({ enrolmentId: t.enrolmentId });
    const signature = sign(null, Buffer.from(pinChallengeMessage(t.enrolmentId, c.challengeId, c.nonce)), t.privateKey).toString("base64url");
    const req = { enrolmentId: t.enrolmentId, challengeId: c.challengeId, signature, ip: freshIp(), userAgent: ua };
    expect((await signInWithPin(req)).ok).toBe(true);
    expect(await signInWithPin(req)).toEqual({ ok: false, reason: "invalid" });
    // another enrolment's challenge
    const other = await enrol(DEMO.ana);
    const c2 = await issuePinChallenge({ enrolmentId: other.enrolmentId });
    const sig2 = sign(null, Buffer.from(pinChallengeMessage(t.enrolmentId, c2.challengeId, c2.nonce)), t.privateKey).toString("base64url");
    expect(await signInWithPin({ ...req, challengeId: c2.challengeId, signature: sig2 })).toEqual({ ok: false, reason: "invalid" });
    // expired
    const c3 = await issuePinChallenge({ enrolmentId: t.enrolmentId });
    await getDb().execute(sql`update pin_challenges set expires_at = now() - interval '1 second' where id = ${c3.challengeId}`);
    const sig3 = sign(null, Buffer.from(pinChallengeMessage(t.enrolmentId, c3.challengeId, c3.nonce)), t.privateKey).toString("base64url");
    expect(await signInWithPin({ ...req, challengeId: c3.challengeId, signature: sig3 })).toEqual({ ok: false, reason: "invalid" });
    // none of these counted as a wrong PIN
    expect(await failedOf(t.enrolmentId)).toBe(0);
  });

  it(`${PIN_FAILURE_LIMIT} wrong PINs in a row disable the enrolment; then even the right PIN is refused; a full sign-in re-enrols`, async () => {
    const t = await enrol(DEMO.sam);
    for (let i = 0; i < PIN_FAILURE_LIMIT; i++) expect(await answer(t, wrongKey())).toEqual({ ok: false, reason: "invalid" });
    expect(await answer(t)).toEqual({ ok: false, reason: "ended" });
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "device.enrolment_disabled"), eq(auditEvents.entityId, t.enrolmentId)));
    expect(ev).toBeDefined();
    const again = await enrol(DEMO.sam, t.deviceId);
    expect((await answer(again)).ok).toBe(true);
  });

  it("parallel wrong guesses: 20 at once count exactly the limit, disable the enrolment, and no 11th try is accepted", async () => {
    const t = await enrol(DEMO.ana);
    const results = await Promise.all(Array.from({ length: 20 }, () => answer(t, wrongKey())));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(await failedOf(t.enrolmentId)).toBe(PIN_FAILURE_LIMIT);
    const [row] = await getDb().select().from(pinEnrolments).where(eq(pinEnrolments.id, t.enrolmentId));
    expect(row!.disabledAt).not.toBeNull();
    expect(await answer(t)).toEqual({ ok: false, reason: "ended" });
    expect(await failedOf(t.enrolmentId)).toBe(PIN_FAILURE_LIMIT);
  });

  it("parallel: the right PIN racing wrong guesses either wins before the limit or is refused after it", async () => {
    const t = await enrol(DEMO.sam);
    for (let i = 0; i < PIN_FAILURE_LIMIT - 1; i++) await answer(t, wrongKey());
    const [right, ...wrong] = await Promise.all([answer(t), ...Array.from({ length: 5 }, () => answer(t, wrongKey()))]);
    expect(wrong.every((r) => !r.ok)).toBe(true);
    const failed = await failedOf(t.enrolmentId);
    if (right!.ok) expect(failed).toBeLessThanOrEqual(PIN_FAILURE_LIMIT);
    else expect(failed).toBe(PIN_FAILURE_LIMIT);
  });

  it("expires after the clinic's number of days (the setting applies to existing enrolments)", async () => {
    const t = await enrol(DEMO.ana);
    await getDb().execute(sql`update pin_enrolments set created_at = now() - interval '31 days' where id = ${t.enrolmentId}`);
    expect(await answer(t)).toEqual({ ok: false, reason: "ended" });
    const admin = await actorFor(DEMO.admin);
    await getDb().update(clinics).set({ pinEnrolmentDays: 60 }).where(eq(clinics.id, admin.clinicId));
    expect((await answer(t)).ok).toBe(true);
    await getDb().update(clinics).set({ pinEnrolmentDays: 30 }).where(eq(clinics.id, admin.clinicId));
  });

  it("the address throttle of the password sign-in holds for PINs", async () => {
    const t = await enrol(DEMO.ana);
    const ip = freshIp();
    for (let i = 0; i < 30; i++) await signIn({ email: `spray${i}@example.org`, password: "x", ip, userAgent: ua });
    expect(await answer(t, t.privateKey, ip)).toEqual({ ok: false, reason: "rate_limited" });
  });
});

describe("revokeEnrolment and deactivation", () => {
  it("an admin sees enrolments per person and per device and revokes one: the next switch is refused (ended), audited", async () => {
    const t = await enrol(DEMO.sam);
    const admin = await actorFor(DEMO.admin);
    const sam = await actorFor(DEMO.sam);
    expect((await listEnrolments(admin, { userId: sam.id })).map((e) => e.id)).toContain(t.enrolmentId);
    expect((await listEnrolments(admin)).find((e) => e.id === t.enrolmentId)).toMatchObject({ deviceId: t.deviceId, userName: sam.name, state: "active" });
    expect(await revokeEnrolment(admin, { enrolmentId: t.enrolmentId })).toEqual({ revoked: true });
    expect(await answer(t)).toEqual({ ok: false, reason: "ended" });
    expect((await listEnrolments(admin)).map((e) => e.id)).not.toContain(t.enrolmentId);
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "device.enrolment_revoked"), eq(auditEvents.entityId, t.enrolmentId))).orderBy(desc(auditEvents.id));
    expect(ev).toMatchObject({ actorId: admin.id, detail: { userId: sam.id, reason: "admin" } });
  });

  it("revoking ends the sessions opened with that PIN at their next request, not the password session", async () => {
    const t = await enrol(DEMO.sam);
    const opened = await answer(t);
    if (!opened.ok) throw new Error(`PIN sign-in failed: ${opened.reason}`);
    const [madeBy] = await getDb().select({ id: authSessions.id }).from(authSessions).where(and(eq(authSessions.enrolmentId, t.enrolmentId), eq(authSessions.method, "password")));
    expect((await loadSession(opened.sessionId)).ok).toBe(true);
    const admin = await actorFor(DEMO.admin);
    await revokeEnrolment(admin, { enrolmentId: t.enrolmentId });
    expect(await loadSession(opened.sessionId)).toMatchObject({ ok: false, reason: "revoked" });
    expect((await loadSession(madeBy!.id)).ok).toBe(true);
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "auth.session_revoked"), eq(auditEvents.entityId, opened.sessionId)));
    expect(ev).toMatchObject({ actorId: admin.id, detail: { reason: "enrolment_revoked", method: "pin", enrolmentId: t.enrolmentId, deviceId: t.deviceId } });
  });

  it("refuses other roles and another clinic's admin (not found)", async () => {
    const t = await enrol(DEMO.sam);
    await expect(revokeEnrolment(await actorFor(DEMO.olivia), { enrolmentId: t.enrolmentId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listEnrolments(await actorFor(DEMO.ana))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeEnrolment(await actorFor(DEMO.harborAdmin), { enrolmentId: t.enrolmentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listEnrolments(await actorFor(DEMO.harborAdmin))).map((e) => e.id)).not.toContain(t.enrolmentId);
    expect((await answer(t)).ok).toBe(true);
  });

  it("deactivating a user removes their enrolments (reactivation does not bring them back)", async () => {
    const t = await enrol(DEMO.sam);
    const admin = await actorFor(DEMO.admin);
    const sam = await actorFor(DEMO.sam);
    const [u] = await getDb().select({ version: users.version }).from(users).where(eq(users.id, sam.id));
    const d = await deactivateUser(admin, { userId: sam.id, version: u!.version });
    expect(await answer(t)).toEqual({ ok: false, reason: "ended" });
    await reactivateUser(admin, { userId: sam.id, version: d.version });
    expect(await answer(t)).toEqual({ ok: false, reason: "ended" });
    expect(await listEnrolments(admin, { userId: sam.id })).toEqual([]);
  });
});
