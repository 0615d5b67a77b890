import "server-only";
import { randomBytes } from "node:crypto";
import { lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pinChallenges } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { pinChallengeSchema } from "./enrolment-schemas";
import { PIN_CHALLENGE_SECONDS } from "./pin-rules";

export type PinChallenge = { challengeId: string; nonce: string; expiresAt: string };

/**
 * A fresh nonce for one PIN sign-in (no session yet: this is part of signing in). Any well-formed
 * enrolment id gets one, known or not, so the answer says nothing about who is enrolled; the sign-in
 * (lib/auth/sign-in-pin.ts) uses it once. Old challenges are cleared as new ones are made.
 */
export async function issuePinChallenge(input: unknown): Promise<PinChallenge> {
  const parsed = pinChallengeSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", { key: "errors.validation" });
  const now = Date.now();
  const expiresAt = new Date(now + PIN_CHALLENGE_SECONDS * 1000);
  const nonce = randomBytes(32).toString("base64url");
  const db = getDb();
  const [row] = await db.insert(pinChallenges).values({ enrolmentId: parsed.data.enrolmentId, nonce, expiresAt }).returning({ id: pinChallenges.id });
  await db.delete(pinChallenges).where(lt(pinChallenges.expiresAt, new Date(now - 3_600_000)));
  return { challengeId: row!.id, nonce, expiresAt: expiresAt.toISOString() };
}
