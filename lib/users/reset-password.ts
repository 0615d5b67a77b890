import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockUser } from "./lock-user";
import { resetPasswordSchema } from "./schemas";

/** Give someone a temporary password: their sessions end now, and at their next sign-in they must
 * choose a new password before anything else. */
export async function resetPassword(actor: Actor, input: unknown): Promise<{ version: number }> {
  assertCan(actor, "user:manage");
  const data = resetPasswordSchema.parse(input);
  if (data.userId === actor.id) throw new AppError("VALIDATION", { key: "errors.users.ownReset" });
  const passwordHash = await hashPassword(data.temporaryPassword);
  return getDb().transaction(async (tx) => {
    const u = await lockUser(tx, actor, data.userId, data.version);
    const [row] = await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, u.id))
      .returning({ version: users.version });
    await tx
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: "password_reset" })
      .where(and(eq(authSessions.userId, u.id), isNull(authSessions.revokedAt)));
    await audit(tx, actor, { action: "user.password_reset", entity: "user", entityId: u.id });
    return { version: row!.version };
  });
}
