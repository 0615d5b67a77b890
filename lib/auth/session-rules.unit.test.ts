import { describe, expect, it } from "vitest";
import { absoluteExpiry, judgeSession, type SessionFacts } from "./session-rules";

const t0 = new Date("2026-11-27T16:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const base: SessionFacts = {
  createdAt: t0,
  lastSeenAt: t0,
  expiresAt: absoluteExpiry(t0),
  revokedAt: null,
  sessionVersion: 1,
  userSessionVersion: 1,
  userActive: true,
  idleTimeoutMinutes: 15,
};

describe("session expiry rules (fake clock)", () => {
  it("a fresh session is valid and not yet due a touch", () => {
    expect(judgeSession(base, at(0.1))).toEqual({ ok: true, touch: false });
  });
  it("is touched once 30 s have passed since last seen", () => {
    expect(judgeSession(base, at(1))).toEqual({ ok: true, touch: true });
  });
  it("expires after the clinic's idle minutes without activity", () => {
    expect(judgeSession(base, at(14.9)).ok).toBe(true);
    expect(judgeSession(base, at(15))).toEqual({ ok: false, reason: "idle" });
    expect(judgeSession({ ...base, idleTimeoutMinutes: 5 }, at(5))).toEqual({ ok: false, reason: "idle" });
  });
  it("activity keeps it alive, but never past 12 hours", () => {
    const busy = { ...base, lastSeenAt: at(12 * 60 - 1) };
    expect(judgeSession(busy, at(12 * 60 - 0.5)).ok).toBe(true);
    expect(judgeSession(busy, at(12 * 60))).toEqual({ ok: false, reason: "expired" });
  });
  it("sign-out, deactivation and a bumped session version end it at once", () => {
    expect(judgeSession({ ...base, revokedAt: at(1) }, at(2))).toEqual({ ok: false, reason: "revoked" });
    expect(judgeSession({ ...base, userActive: false }, at(1))).toEqual({ ok: false, reason: "deactivated" });
    expect(judgeSession({ ...base, userSessionVersion: 2 }, at(1))).toEqual({ ok: false, reason: "superseded" });
  });
});
