import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users, type User } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { conflict, notFound } from "@/lib/errors";

/** A staff account of the actor's clinic, locked for the change; stale versions are CONFLICT. */
export async function lockUser(tx: Tx, actor: Actor, userId: string, version?: number): Promise<User> {
  const [u] = await tx
    .select()
    .from(users)
    .where(and(eq(users.id, userId), eq(users.clinicId, actor.clinicId)))
    .for("update");
  if (!u) throw notFound("Staff member");
  if (version !== undefined && u.version !== version) throw conflict({ key: "errors.accountStale", values: { name: u.name } });
  return u;
}
