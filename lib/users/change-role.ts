import "server-only";
import { and, eq, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { authSessions, caseloads, supervisions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockUser } from "./lock-user";
import { changeRoleSchema } from "./schemas";

/** Change someone's role. Their sessions end (the session version is bumped) so the new role applies
 * at once; supervision and caseload assignments of the old role are removed. */
export async function changeRole(actor: Actor, input: unknown): Promise<{ version: number }> {
  assertCan(actor, "user:manage");
  const data = changeRoleSchema.parse(input);
  if (data.userId === actor.id) throw new AppError("VALIDATION", { key: "errors.users.ownRole" });
  return getDb().transaction(async (tx) => {
    const u = await lockUser(tx, actor, data.userId, data.version);
    const discipline = data.role === "therapist" ? data.discipline : null;
    if (u.role === data.role && u.discipline === discipline) throw new AppError("VALIDATION", { key: "errors.users.sameRole", values: { name: u.name } });
    const [row] = await tx
      .update(users)
      .set({ role: data.role, discipline, sessionVersion: sql`${users.sessionVersion} + 1`, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, u.id))
      .returning({ version: users.version });
    let removed = 0;
    if (u.role !== data.role) {
      removed += (await tx.delete(supervisions).where(or(eq(supervisions.assistantId, u.id), eq(supervisions.therapistId, u.id))).returning()).length;
      removed += (await tx.delete(caseloads).where(eq(caseloads.assistantId, u.id)).returning()).length;
    }
    await tx
      .update(authSessions)
      .set({ revokedAt: new Date(), revokedReason: "role_change" })
      .where(and(eq(authSessions.userId, u.id), isNull(authSessions.revokedAt)));
    await audit(tx, actor, {
      action: "user.role_change",
      entity: "user",
      entityId: u.id,
      detail: { from: u.role, to: data.role, discipline, assignmentsRemoved: removed },
    });
    return { version: row!.version };
  });
}
