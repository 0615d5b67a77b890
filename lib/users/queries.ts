import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { supervisions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";

export async function listUsers(actor: Actor) {
  assertCan(actor, "user:list");
  return getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      title: users.title,
      discipline: users.discipline,
      active: users.active,
      lastSignInAt: users.lastSignInAt,
    })
    .from(users)
    .where(eq(users.clinicId, actor.clinicId))
    .orderBy(asc(users.role), asc(users.name));
}

/** A therapist's supervised assistants, or an assistant's supervising therapists. */
export async function mySupervisionPeers(actor: Actor) {
  assertCan(actor, "staff:list-supervision");
  const peer = alias(users, "peer");
  const mine = actor.role === "assistant" ? supervisions.assistantId : supervisions.therapistId;
  const theirs = actor.role === "assistant" ? supervisions.therapistId : supervisions.assistantId;
  return getDb()
    .select({ id: peer.id, name: peer.name, title: peer.title, active: peer.active })
    .from(supervisions)
    .innerJoin(peer, eq(peer.id, theirs))
    .where(and(eq(mine, actor.id), eq(supervisions.clinicId, actor.clinicId)))
    .orderBy(asc(peer.name));
}
