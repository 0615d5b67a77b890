import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
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
        ip,
        userAgent: req.userAgent?.slice(0, 300) ?? null,
      })
      .returning({ id: authSessions.id });
    await tx.insert(loginAttempts).values({ email, ip, success: true });
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await audit(tx, { id: user.id, clinicId: user.clinicId, ip, userAgent: req.userAgent }, {
      action: "auth.sign_in",
      entity: "session",
      entityId: session!.id,
    });
    return { ok: true, userId: user.id, sessionId: session!.id, sessionVersion: user.sessionVersion } as const;
  });
}
