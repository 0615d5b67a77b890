import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, queryRows, type Tx } from "@/db/client";
import { authSessions, loginAttempts, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { signInSchema } from "./schemas";
import { absoluteExpiry } from "./session-rules";

/** Failed attempts for one email within the window before that account is locked. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** Failed attempts from one client address within the window before it is throttled. */
export const ADDRESS_FAILURE_LIMIT = 30;
export const THROTTLE_WINDOW_MINUTES = 15;
const LOCK_NAMESPACE = 7305115;

export type SignInRequest = { email: unknown; password: unknown; ip: string; userAgent: string | null };
export type SignInResult =
  | { ok: true; userId: string; sessionId: string; sessionVersion: number }
  | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Check credentials and open a server-side session. Unknown email, wrong password and deactivated
 * account give the same answer after the same work (an argon2 verify), so the answer does not say
 * which accounts exist. Throttling is counted in the database, so it holds across app instances.
 */
export async function signIn(req: SignInRequest): Promise<SignInResult> {
  const parsed = signInSchema.safeParse({ email: req.email, password: req.password });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const ip = req.ip.slice(0, 100);
  const anon = { id: null, clinicId: null, ip, userAgent: req.userAgent };

  // One attempt at a time per account and per address: the count, the verdict and the record of the
  // attempt happen under the same locks, so a burst of parallel guesses cannot all slip under the limit.
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${`email:${email}`}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${`ip:${ip}`}))`);

    // Failures before the account's last successful sign-in do not count against the account.
    const [counts] = await queryRows<{ by_email: number | string; by_ip: number | string }>(
      tx,
      sql`select
        (select count(*) from ${loginAttempts}
          where email = ${email} and not success
            and at > greatest(now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES}),
              coalesce((select max(at) from ${loginAttempts} where email = ${email} and success), '-infinity'))
        ) as by_email,
        (select count(*) from ${loginAttempts}
          where ip = ${ip} and not success and at > now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})
        ) as by_ip`,
    );
    const emailFailures = Number(counts?.by_email ?? 0);
    const ipFailures = Number(counts?.by_ip ?? 0);
    if (emailFailures >= ACCOUNT_FAILURE_LIMIT || ipFailures >= ADDRESS_FAILURE_LIMIT) {
      await audit(tx, anon, {
        action: "auth.sign_in_throttled",
        entity: "user",
        detail: { email, by: emailFailures >= ACCOUNT_FAILURE_LIMIT ? "account" : "address" },
      });
      return { ok: false, reason: "rate_limited" } as const;
    }

    const [user] = await tx
      .select({
        id: users.id,
        clinicId: users.clinicId,
        passwordHash: users.passwordHash,
        active: users.active,
        sessionVersion: users.sessionVersion,
      })
      .from(users)
      .where(eq(users.email, email))
      .limit(1);

    const passwordOk = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);

    if (!user || !passwordOk || !user.active) {
      await tx.insert(loginAttempts).values({ email, ip, success: false });
      await audit(tx, { ...anon, id: user?.id ?? null, clinicId: user?.clinicId ?? null }, {
        action: "auth.sign_in_failed",
        entity: "user",
        entityId: user?.id ?? null,
        detail: { email, reason: !user ? "unknown_email" : !passwordOk ? "wrong_password" : "deactivated" },
      });
      return { ok: false, reason: "invalid" } as const;
    }

    const sessionId = await openSession(tx, user, { ip, userAgent: req.userAgent, attemptKey: email, method: "password" });
    return { ok: true, userId: user.id, sessionId, sessionVersion: user.sessionVersion } as const;
  });
}

export type SessionOpening = {
  ip: string;
  userAgent: string | null;
  /** what login_attempts records the success under: the email, or "pin:<enrolment id>" */
  attemptKey: string;
  method: "password" | "pin";
  enrolmentId?: string;
  deviceId?: string;
};

/**
 * The one way a server session is opened (password sign-in, a shared tablet's PIN switch): the session
 * row, the successful attempt, the user's last sign-in and the `auth.sign_in` audit event, in the
 * caller's transaction.
 */
export async function openSession(tx: Tx, user: { id: string; clinicId: string; sessionVersion: number }, how: SessionOpening): Promise<string> {
  const now = new Date();
  const [session] = await tx
    .insert(authSessions)
    .values({
      userId: user.id,
      clinicId: user.clinicId,
      sessionVersion: user.sessionVersion,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: absoluteExpiry(now),
      method: how.method,
      enrolmentId: how.enrolmentId ?? null,
      ip: how.ip,
      userAgent: how.userAgent?.slice(0, 300) ?? null,
    })
    .returning({ id: authSessions.id });
  await tx.insert(loginAttempts).values({ email: how.attemptKey.slice(0, 254), ip: how.ip, success: true });
  await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
  await audit(tx, { id: user.id, clinicId: user.clinicId, ip: how.ip, userAgent: how.userAgent }, {
    action: "auth.sign_in",
    entity: "session",
    entityId: session!.id,
    detail: how.method === "pin" ? { method: "pin", enrolmentId: how.enrolmentId, deviceId: how.deviceId } : { method: "password" },
  });
  return session!.id;
}

/** Failed attempts (password or PIN) from one client address within the throttle window. */
export async function addressFailures(tx: Tx, ip: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    tx,
    sql`select count(*) as n from ${loginAttempts}
      where ip = ${ip} and not success and at > now() - make_interval(mins => ${THROTTLE_WINDOW_MINUTES})`,
  );
  return Number(row?.n ?? 0);
}

/** Serialise attempts from one address (and, for passwords, one account): see signIn. */
export async function lockAttempts(tx: Tx, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${key}))`);
}
