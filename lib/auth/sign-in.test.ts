import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { DEMO_PASSWORD } from "@/db/seed";
import { auditEvents, authSessions, loginAttempts, users } from "@/db/schema";
import { DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { loadSession, revokeSession } from "./sessions";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, signIn } from "./sign-in";

const ua = "vitest";
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(seedDemoOnce);

async function lastAudit(action: string) {
  const [row] = await getDb().select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1);
  return row;
}

describe("signIn", () => {
  it("accepts the right password, opens a server-side session and audits it", async () => {
    const res = await signIn({ email: DEMO.ana, password: DEMO_PASSWORD, ip: freshIp(), userAgent: ua });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const loaded = await loadSession(res.sessionId);
    expect(loaded).toMatchObject({ ok: true, actor: { email: DEMO.ana, role: "assistant", clinic: { name: "Sunrise Therapy Center" } } });
    const ev = await lastAudit("auth.sign_in");
    expect(ev).toMatchObject({ actorId: res.userId, entity: "session", entityId: res.sessionId, userAgent: ua });
  });

  it("accepts the email in any case and with spaces", async () => {
    const res = await signIn({ email: "  Peter.PT@Sunrise.Example ", password: DEMO_PASSWORD, ip: freshIp(), userAgent: ua });
    expect(res.ok).toBe(true);
  });

  it("refuses a wrong password and an unknown email with the same answer, and audits both", async () => {
    const wrong = await signIn({ email: DEMO.sam, password: "not-the-password", ip: freshIp(), userAgent: ua });
    const unknown = await signIn({ email: "nobody@sunrise.example", password: "not-the-password", ip: freshIp(), userAgent: ua });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    const failures = await getDb()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.action, "auth.sign_in_failed"));
    const reasons = failures.map((f) => f.detail.reason);
    expect(reasons).toEqual(expect.arrayContaining(["wrong_password", "unknown_email"]));
  });

  it("refuses malformed input without throwing", async () => {
    for (const [email, password] of [
      [undefined, undefined],
      [{ $ne: null }, "x"],
      ["x".repeat(10_000), "y"],
      [DEMO.ana, "z".repeat(10_000)],
    ]) {
      await expect(signIn({ email, password, ip: freshIp(), userAgent: ua })).resolves.toEqual({ ok: false, reason: "invalid" });
    }
  });

  it(`locks an account after ${ACCOUNT_FAILURE_LIMIT} failures, even against the right password, from any address`, async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      expect(await signIn({ email: DEMO.olivia, password: `guess-${i}`, ip: freshIp(), userAgent: ua })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn({ email: DEMO.olivia, password: DEMO_PASSWORD, ip: freshIp(), userAgent: ua })).toEqual({ ok: false, reason: "rate_limited" });
    expect(await lastAudit("auth.sign_in_throttled")).toMatchObject({ detail: { by: "account" } });
  });

  it("locks an unknown email the same way, so lockout does not reveal which accounts exist", async () => {
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await signIn({ email: "ghost@sunrise.example", password: "x", ip: freshIp(), userAgent: ua });
    expect(await signIn({ email: "ghost@sunrise.example", password: "x", ip: freshIp(), userAgent: ua })).toEqual({ ok: false, reason: "rate_limited" });
  });

  it(`throttles a client address after ${ADDRESS_FAILURE_LIMIT} failures across many accounts`, async () => {
    const ip = freshIp();
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await signIn({ email: `spray${i}@example.org`, password: "x", ip, userAgent: ua });
    expect(await signIn({ email: DEMO.peter, password: DEMO_PASSWORD, ip, userAgent: ua })).toEqual({ ok: false, reason: "rate_limited" });
    // another address is unaffected
    expect((await signIn({ email: DEMO.peter, password: DEMO_PASSWORD, ip: freshIp(), userAgent: ua })).ok).toBe(true);
  });

  it("refuses a deactivated user with the ordinary answer, and ends their open sessions", async () => {
    const open = await signIn({ email: DEMO.hugo, password: DEMO_PASSWORD, ip: freshIp(), userAgent: ua });
    expect(open.ok).toBe(true);
    await getDb()
      .update(users)
      .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.email, DEMO.hugo));
    if (open.ok) expect(await loadSession(open.sessionId)).toEqual({ ok: false, reason: "deactivated" });
    expect(await signIn({ email: DEMO.hugo, password: DEMO_PASSWORD, ip: freshIp(), userAgent: ua })).toEqual({ ok: false, reason: "invalid" });
    expect(await lastAudit("auth.sign_in_failed")).toMatchObject({ detail: { reason: "deactivated" } });
  });

  it("sign-out revokes the session on the server and audits it", async () => {
    const res = await signIn({ email: DEMO.admin, password: DEMO_PASSWORD, ip: freshIp(), userAgent: ua });
    if (!res.ok) throw new Error("sign-in failed");
    await revokeSession(res.sessionId, "sign_out", { id: null, clinicId: null, ip: "203.0.113.9", userAgent: ua });
    expect(await loadSession(res.sessionId)).toEqual({ ok: false, reason: "revoked" });
    const [row] = await getDb().select().from(authSessions).where(and(eq(authSessions.id, res.sessionId)));
    expect(row?.revokedReason).toBe("sign_out");
    expect(await lastAudit("auth.sign_out")).toMatchObject({ actorId: res.userId, entityId: res.sessionId });
  });

  it("an idle session is refused by the server", async () => {
    const res = await signIn({ email: DEMO.theo, password: DEMO_PASSWORD, ip: freshIp(), userAgent: ua });
    if (!res.ok) throw new Error("sign-in failed");
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await loadSession(res.sessionId, later)).toEqual({ ok: false, reason: "idle" });
  });
});

describe("signIn under a burst of parallel guesses", () => {
  it(`evaluates at most ${ACCOUNT_FAILURE_LIMIT} guesses against one account`, async () => {
    const email = "burst-target@sunrise.example"; // lockout applies whether or not the account exists
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signIn({ email, password: `burst-${i}`, ip: `192.0.2.${i + 1}`, userAgent: ua })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(ACCOUNT_FAILURE_LIMIT);
    const [row] = await getDb()
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(loginAttempts)
      .where(eq(loginAttempts.email, email));
    expect(row?.n).toBe(ACCOUNT_FAILURE_LIMIT);
  });
});
