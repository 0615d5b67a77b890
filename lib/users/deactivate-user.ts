import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, pinEnrolments, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockUser } from "./lock-user";
import { setActiveSchema } from "./schemas";

/** Deactivate an account. Its sessions end at once: they are revoked and the session version is
 * bumped, and every request re-reads both (DESIGN rule 10). Its tablet enrolments are revoked. */
export async function deactivateUser(actor: Actor, input: unknown): Promise<{ version: number }> {
  assertCan(actor, "user:manage");
  const data = setActiveSchema.parse(input);
  if (data.userId === actor.id) throw new AppError("VALIDATION", { key: "errors.users.ownDeactivate" });
  return getDb().transaction(async (tx) => {
    const u = await lockUser(tx, actor, data.userId, data.version);
    if (!u.active) throw new AppError("CONFLICT", { key: "errors.users.alreadyDeactivated", values: { name: u.name } });
    const [row] = await tx
      .update(users)
      .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, u.id))
      .returning({ version: users.version });
    const ended = await tx
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: "deactivated" })
      .where(and(eq(authSessions.userId, u.id), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id });
    // their tablet PIN sign-ins go too (a reactivated account enrols again after a full sign-in)
    const enrolments = await tx
      .update(pinEnrolments)
      .set({ revokedAt: new Date(), revokedBy: actor.id, revokedReason: "deactivated" })
      .where(and(eq(pinEnrolments.userId, u.id), isNull(pinEnrolments.revokedAt)))
      .returning({ id: pinEnrolments.id });
    await audit(tx, actor, { action: "user.deactivate", entity: "user", entityId: u.id, detail: { sessionsEnded: ended.length, enrolmentsRevoked: enrolments.length } });
    return { version: row!.version };
  });
}
