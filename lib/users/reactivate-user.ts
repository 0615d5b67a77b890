import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { lockUser } from "./lock-user";
import { setActiveSchema } from "./schemas";

/** Let a deactivated person sign in again (with their existing password). */
export async function reactivateUser(actor: Actor, input: unknown): Promise<{ version: number }> {
  assertCan(actor, "user:manage");
  const data = setActiveSchema.parse(input);
  return getDb().transaction(async (tx) => {
    const u = await lockUser(tx, actor, data.userId, data.version);
    if (u.active) throw new AppError("CONFLICT", { key: "errors.users.alreadyActive", values: { name: u.name } });
    const [row] = await tx
      .update(users)
      .set({ active: true, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, u.id))
      .returning({ version: users.version });
    await audit(tx, actor, { action: "user.reactivate", entity: "user", entityId: u.id });
    return { version: row!.version };
  });
}
