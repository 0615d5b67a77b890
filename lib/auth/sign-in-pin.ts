import "server-only";
import { generateKeyPairSync, verify } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, loginAttempts, pinChallenges, pinEnrolments, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { ed25519Key } from "./enrol-device";
import { pinSignInSchema } from "./enrolment-schemas";
import { can } from "./permissions";
import { PIN_FAILURE_LIMIT, pinChallengeMessage } from "./pin-rules";
import { ADDRESS_FAILURE_LIMIT, addressFailures, lockAttempts, openSession } from "./sign-in";

export type PinSignInRequest = { enrolmentId: unknown; challengeId: unknown; signature: unknown; ip: string; userAgent: string | null };
/** `invalid`: wrong PIN, unknown enrolment or a bad challenge, alike. `ended`: the tablet should drop
 * this enrolment (revoked, disabled after too many wrong PINs, expired, account deactivated). */
export type PinSignInResult =
  | { ok: true; userId: string; sessionId: string; enrolmentId: string }
  | { ok: false; reason: "invalid" | "ended" | "rate_limited" };

// Verified against when the enrolment is unknown, so both paths do the same work.
const STAND_IN = generateKeyPairSync("ed25519").publicKey;

/**
 * A shared tablet's switch (README "Shared tablets"): the tablet signs the server's fresh challenge with
 * the enrolment's private key, which it unwrapped with the PIN. A wrong PIN unwraps a different but
 * valid-looking key, so only this signature check tells right from wrong; wrong answers are counted
 * here, in one UPDATE … RETURNING, so parallel guesses cannot exceed the limit. The address throttle is
 * the password sign-in's (same table, same limit). A success opens a session like the password does.
 */
export async function signInWithPin(req: PinSignInRequest): Promise<PinSignInResult> {
  const parsed = pinSignInSchema.safeParse({ enrolmentId: req.enrolmentId, challengeId: req.challengeId, signature: req.signature });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { enrolmentId, challengeId, signature } = parsed.data;
  const ip = req.ip.slice(0, 100);
  const anon = { id: null, clinicId: null, ip, userAgent: req.userAgent };
  const attemptKey = `pin:${enrolmentId}`;

  return getDb().transaction(async (tx) => {
    await lockAttempts(tx, `ip:${ip}`);
    if ((await addressFailures(tx, ip)) >= ADDRESS_FAILURE_LIMIT) {
      await audit(tx, anon, { action: "auth.sign_in_throttled", entity: "pin_enrolment", entityId: enrolmentId, detail: { method: "pin", by: "address" } });
      return { ok: false, reason: "rate_limited" } as const;
    }
    const now = new Date();
    // the challenge is spent by this attempt whatever its outcome
    const [challenge] = await tx
      .update(pinChallenges)
      .set({ usedAt: now })
      .where(and(eq(pinChallenges.id, challengeId), isNull(pinChallenges.usedAt), gt(pinChallenges.expiresAt, now)))
      .returning({ enrolmentId: pinChallenges.enrolmentId, nonce: pinChallenges.nonce });
    const [row] = await tx
      .select({
        enrolment: pinEnrolments,
        user: { id: users.id, clinicId: users.clinicId, role: users.role, active: users.active, sessionVersion: users.sessionVersion },
        days: clinics.pinEnrolmentDays,
      })
      .from(pinEnrolments)
      .innerJoin(users, eq(users.id, pinEnrolments.userId))
      .innerJoin(clinics, eq(clinics.id, pinEnrolments.clinicId))
      .where(eq(pinEnrolments.id, enrolmentId))
      .limit(1);
    const who = row ? { ...anon, id: row.user.id, clinicId: row.user.clinicId } : anon;
    const fail = async (reason: string, extra: Record<string, unknown> = {}) => {
      await tx.insert(loginAttempts).values({ email: attemptKey, ip, success: false });
      await audit(tx, who, { action: "auth.sign_in_failed", entity: "pin_enrolment", entityId: enrolmentId, detail: { method: "pin", reason, ...extra } });
    };

    const e = row?.enrolment;
    const expired = !!row && now.getTime() >= row.enrolment.createdAt.getTime() + row.days * 86_400_000;
    if (e && (e.revokedAt || e.disabledAt || expired || !row.user.active || !can(row.user, "device:enrol"))) {
      await fail("ended", { state: e.revokedAt ? "revoked" : e.disabledAt ? "disabled" : expired ? "expired" : "account" });
      return { ok: false, reason: "ended" } as const;
    }
    if (!challenge || challenge.enrolmentId !== enrolmentId) {
      await fail("challenge");
      return { ok: false, reason: "invalid" } as const;
    }

    const message = Buffer.from(pinChallengeMessage(enrolmentId, challengeId, challenge.nonce));
    const good = verify(null, message, e ? ed25519Key(e.publicKey) : STAND_IN, Buffer.from(signature, "base64url")) && !!e;
    if (!good) {
      // the same statement for a known and an unknown enrolment (which then matches no row)
      const [counted] = await tx
        .update(pinEnrolments)
        .set({
          failedAttempts: sql`${pinEnrolments.failedAttempts} + 1`,
          disabledAt: sql`case when ${pinEnrolments.failedAttempts} + 1 >= ${PIN_FAILURE_LIMIT} then now() else null end`,
        })
        .where(and(eq(pinEnrolments.id, enrolmentId), isNull(pinEnrolments.disabledAt), isNull(pinEnrolments.revokedAt)))
        .returning({ failed: pinEnrolments.failedAttempts, disabledAt: pinEnrolments.disabledAt });
      await fail(e ? "wrong_pin" : "unknown_enrolment", counted ? { failed: counted.failed } : {});
      if (counted?.disabledAt) {
        await audit(tx, who, { action: "device.enrolment_disabled", entity: "pin_enrolment", entityId: enrolmentId, detail: { failed: counted.failed } });
      }
      return { ok: false, reason: "invalid" } as const;
    }

    // still live at this instant (a parallel wrong guess may just have disabled it)
    const [live] = await tx
      .update(pinEnrolments)
      .set({ failedAttempts: 0, lastUsedAt: now })
      .where(and(eq(pinEnrolments.id, enrolmentId), isNull(pinEnrolments.disabledAt), isNull(pinEnrolments.revokedAt)))
      .returning({ id: pinEnrolments.id });
    if (!live || !row) {
      await fail("ended", { state: "disabled" });
      return { ok: false, reason: "ended" } as const;
    }
    const sessionId = await openSession(tx, row.user, { ip, userAgent: req.userAgent, attemptKey, method: "pin", enrolmentId, deviceId: e!.deviceId });
    return { ok: true, userId: row.user.id, sessionId, enrolmentId } as const;
  });
}
