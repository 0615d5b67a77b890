import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, pinEnrolments, users } from "@/db/schema";
import type { Actor } from "./actor";
import { assertCan } from "./permissions";
import { PIN_FAILURE_LIMIT } from "./pin-rules";

export type EnrolmentState = "active" | "disabled" | "expired";
export type EnrolmentRow = {
  id: string;
  userId: string;
  userName: string;
  deviceId: string;
  deviceLabel: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
  failedAttempts: number;
  state: EnrolmentState;
};

/** The clinic's tablet enrolments not revoked (active, disabled by wrong PINs, or expired), newest first;
 * one person's when `userId` is given. Scoped to the actor's clinic in the query. */
export async function listEnrolments(actor: Actor, filter: { userId?: string } = {}): Promise<EnrolmentRow[]> {
  assertCan(actor, "enrolment:manage");
  const rows = await getDb()
    .select({
      id: pinEnrolments.id,
      userId: pinEnrolments.userId,
      userName: users.name,
      deviceId: pinEnrolments.deviceId,
      deviceLabel: pinEnrolments.deviceLabel,
      createdAt: pinEnrolments.createdAt,
      lastUsedAt: pinEnrolments.lastUsedAt,
      failedAttempts: pinEnrolments.failedAttempts,
      disabledAt: pinEnrolments.disabledAt,
      expiresAt: sql<string>`${pinEnrolments.createdAt} + make_interval(days => ${clinics.pinEnrolmentDays})`,
    })
    .from(pinEnrolments)
    .innerJoin(users, eq(users.id, pinEnrolments.userId))
    .innerJoin(clinics, eq(clinics.id, pinEnrolments.clinicId))
    .where(and(eq(pinEnrolments.clinicId, actor.clinicId), isNull(pinEnrolments.revokedAt), filter.userId ? eq(pinEnrolments.userId, filter.userId) : undefined))
    .orderBy(desc(pinEnrolments.createdAt));
  const now = Date.now();
  return rows.map(({ disabledAt, expiresAt, ...r }) => {
    const expires = new Date(expiresAt);
    const state: EnrolmentState = disabledAt || r.failedAttempts >= PIN_FAILURE_LIMIT ? "disabled" : expires.getTime() <= now ? "expired" : "active";
    return { ...r, expiresAt: expires, state };
  });
}
