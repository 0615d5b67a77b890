import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword, verifyPassword } from "@/lib/auth/passwords";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { changeOwnPasswordSchema } from "./schemas";

/**
 * The signed-in person sets a new password (required after an admin reset or a new account). Their
 * other sessions end; this one carries on with the new session version.
 */
export async function changeOwnPassword(actor: Actor, input: unknown): Promise<{ ok: true }> {
  assertCan(actor, "account:password");
  const data = changeOwnPasswordSchema.parse(input);
  const [me] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!me || !(await verifyPassword(me.passwordHash, data.currentPassword)))
    throw new AppError("VALIDATION", { key: "errors.validation" }, { currentPassword: ["validation.users.notCurrentPassword"] });
  const passwordHash = await hashPassword(data.newPassword);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id))
      .returning({ sessionVersion: users.sessionVersion });
    const others = actor.sessionId ? ne(authSessions.id, actor.sessionId) : undefined;
    await tx
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: "password_change" })
      .where(and(eq(authSessions.userId, actor.id), isNull(authSessions.revokedAt), others));
    if (actor.sessionId) await tx.update(authSessions).set({ sessionVersion: row!.sessionVersion }).where(eq(authSessions.id, actor.sessionId));
    await audit(tx, actor, { action: "user.password_change", entity: "user", entityId: actor.id });
    return { ok: true as const };
  });
}
