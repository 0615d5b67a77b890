import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, pinEnrolments } from "@/db/schema";
import { audit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { Actor } from "./actor";
import { revokeEnrolmentSchema } from "./enrolment-schemas";
import { assertCan } from "./permissions";
import { endSessions } from "./sessions";

/**
 * An admin ends one tablet's PIN sign-in for one person. It holds at the next contact: the tablet's next
 * switch is refused ("ended") and the tablet drops the enrolment from its list, and a session opened with
 * that PIN which is still open ends too (its next request is signed out: a lost tablet keeps nothing open).
 * The password session that made the enrolment is not a PIN session and stays.
 */
export async function revokeEnrolment(actor: Actor, input: unknown): Promise<{ revoked: boolean }> {
  assertCan(actor, "enrolment:manage");
  const { enrolmentId } = revokeEnrolmentSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const [found] = await tx
      .select({ id: pinEnrolments.id, userId: pinEnrolments.userId, revokedAt: pinEnrolments.revokedAt, deviceId: pinEnrolments.deviceId })
      .from(pinEnrolments)
      .where(and(eq(pinEnrolments.id, enrolmentId), eq(pinEnrolments.clinicId, actor.clinicId)))
      .for("update");
    if (!found) throw new AppError("NOT_FOUND", { key: "errors.notFound.enrolment" });
    if (found.revokedAt) return { revoked: false };
    await tx
      .update(pinEnrolments)
      .set({ revokedAt: new Date(), revokedBy: actor.id, revokedReason: "admin" })
      .where(and(eq(pinEnrolments.id, enrolmentId), isNull(pinEnrolments.revokedAt)));
    await audit(tx, actor, { action: "device.enrolment_revoked", entity: "pin_enrolment", entityId: enrolmentId, detail: { userId: found.userId, deviceId: found.deviceId, reason: "admin" } });
    await endSessions(tx, and(eq(authSessions.enrolmentId, enrolmentId), eq(authSessions.method, "pin"))!, "enrolment_revoked", actor);
    return { revoked: true };
  });
}
