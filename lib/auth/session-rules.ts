/** Session lifetime rules (DESIGN rule 10), pure so they can be tested with a fake clock. */
export const ABSOLUTE_SESSION_HOURS = 12;
export const DEFAULT_IDLE_MINUTES = 15;
/** Touch last_seen_at at most this often, so a busy tablet does not write on every request. */
export const TOUCH_INTERVAL_MS = 30_000;

export type SessionFacts = {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  sessionVersion: number;
  userSessionVersion: number;
  userActive: boolean;
  idleTimeoutMinutes: number;
};

export type SessionVerdict =
  | { ok: true; touch: boolean }
  | { ok: false; reason: "revoked" | "deactivated" | "superseded" | "idle" | "expired" };

export function judgeSession(s: SessionFacts, now: Date): SessionVerdict {
  if (s.revokedAt) return { ok: false, reason: "revoked" };
  if (!s.userActive) return { ok: false, reason: "deactivated" };
  if (s.sessionVersion !== s.userSessionVersion) return { ok: false, reason: "superseded" };
  if (now.getTime() >= s.expiresAt.getTime()) return { ok: false, reason: "expired" };
  const idleMs = Math.max(1, s.idleTimeoutMinutes) * 60_000;
  if (now.getTime() - s.lastSeenAt.getTime() >= idleMs) return { ok: false, reason: "idle" };
  return { ok: true, touch: now.getTime() - s.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS };
}

export function absoluteExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + ABSOLUTE_SESSION_HOURS * 3_600_000);
}
