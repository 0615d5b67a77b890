import "server-only";
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { authSessions, clinics, pinEnrolments, users } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/audit";
import type { Actor } from "./actor";
import { judgeSession, type SessionVerdict } from "./session-rules";

export type LoadedSession =
  | { ok: true; actor: Omit<Actor, "ip" | "userAgent"> }
  | { ok: false; reason: Exclude<SessionVerdict, { ok: true }>["reason"] | "unknown" };

/**
 * Re-read the session, its user and clinic in one query and judge it (revoked, deactivated, role or
 * password change, idle, absolute expiry). Touches last_seen_at when due, which is what keeps an
 * active session alive on the server.
 */
export async function loadSession(sessionId: string, now = new Date()): Promise<LoadedSession> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return { ok: false, reason: "unknown" };
  const db = getDb();
  const [row] = await db
    .select({
      session: authSessions,
      user: {
        id: users.id,
        clinicId: users.clinicId,
        role: users.role,
        name: users.name,
        email: users.email,
        title: users.title,
        locale: users.locale,
        active: users.active,
        sessionVersion: users.sessionVersion,
        mustChangePassword: users.mustChangePassword,
      },
      clinic: {
        name: clinics.name,
        timeZone: clinics.timeZone,
        idleTimeoutMinutes: clinics.idleTimeoutMinutes,
        signoffDeadlineHours: clinics.signoffDeadlineHours,
      },
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(authSessions.id, sessionId))
    .limit(1);
  if (!row) return { ok: false, reason: "unknown" };
  const verdict = judgeSession(
    {
      createdAt: row.session.createdAt,
      lastSeenAt: row.session.lastSeenAt,
      expiresAt: row.session.expiresAt,
      revokedAt: row.session.revokedAt,
      sessionVersion: row.session.sessionVersion,
      userSessionVersion: row.user.sessionVersion,
      userActive: row.user.active,
      idleTimeoutMinutes: row.clinic.idleTimeoutMinutes,
    },
    now,
  );
  if (!verdict.ok) return verdict;
  if (verdict.touch) {
    await db
      .update(authSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
  }
  const { user, clinic } = row;
  return {
    ok: true,
    actor: {
      id: user.id,
      clinicId: user.clinicId,
      role: user.role,
      name: user.name,
      email: user.email,
      title: user.title,
      locale: user.locale,
      sessionId,
      mustChangePassword: user.mustChangePassword,
      clinic,
    },
  };
}

/** End one session on the server at once (sign-out). Idempotent. */
export async function revokeSession(sessionId: string, reason: string, who: AuditActor): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return;
  await getDb().transaction((tx) => endSessions(tx, eq(authSessions.id, sessionId), reason, who));
}

/**
 * End the open sessions `which` selects, inside the caller's transaction, each audited (`auth.sign_out`
 * for a sign-out, else `auth.session_revoked`): by `who` when it names someone (an admin's revocation),
 * else as the session's own user (a sign-out). Returns how many ended.
 */
export async function endSessions(tx: Tx, which: SQL, reason: string, who: AuditActor): Promise<number> {
  const ended = await tx
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(which, isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id, userId: authSessions.userId, clinicId: authSessions.clinicId, method: authSessions.method, enrolmentId: authSessions.enrolmentId });
  if (!ended.length) return 0;
  // a shared tablet's session names its device, so the audit shows each hand-over
  const enrolmentIds = [...new Set(ended.map((s) => s.enrolmentId).filter((id): id is string => id !== null))];
  const devices = new Map(
    enrolmentIds.length
      ? (await tx.select({ id: pinEnrolments.id, deviceId: pinEnrolments.deviceId }).from(pinEnrolments).where(inArray(pinEnrolments.id, enrolmentIds))).map((d) => [d.id, d.deviceId])
      : [],
  );
  for (const s of ended) {
    await audit(tx, who.id ? who : { ...who, id: s.userId, clinicId: s.clinicId }, {
      action: reason === "sign_out" ? "auth.sign_out" : "auth.session_revoked",
      entity: "session",
      entityId: s.id,
      detail: { reason, method: s.method, ...(who.id ? { userId: s.userId } : {}), ...(s.enrolmentId ? { enrolmentId: s.enrolmentId, deviceId: devices.get(s.enrolmentId) } : {}) },
    });
  }
  return ended.length;
}
