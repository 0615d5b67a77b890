import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { caseloads, patients, supervisions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";

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

/** One staff account with its supervision and caseload assignments, for the admin's People page. */
export async function getUserForAdmin(actor: Actor, userId: string) {
  assertCan(actor, "user:manage");
  if (!/^[0-9a-f-]{36}$/i.test(userId)) throw notFound("Staff member");
  const db = getDb();
  const [u] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      title: users.title,
      discipline: users.discipline,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      lastSignInAt: users.lastSignInAt,
      version: users.version,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.clinicId, actor.clinicId)));
  if (!u) throw notFound("Staff member");
  const peer = alias(users, "peer");
  const [supervising, caseload] = await Promise.all([
    db
      .select({ id: peer.id, name: peer.name })
      .from(supervisions)
      .innerJoin(peer, eq(peer.id, u.role === "assistant" ? supervisions.therapistId : supervisions.assistantId))
      .where(eq(u.role === "assistant" ? supervisions.assistantId : supervisions.therapistId, u.id))
      .orderBy(asc(peer.name)),
    u.role === "assistant"
      ? db
          .select({ id: patients.id, name: sql<string>`coalesce(${patients.preferredName}, ${patients.firstName}) || ' ' || ${patients.lastName}`, mrn: patients.mrn })
          .from(caseloads)
          .innerJoin(patients, eq(patients.id, caseloads.patientId))
          .where(eq(caseloads.assistantId, u.id))
          .orderBy(asc(patients.lastName))
      : Promise.resolve([]),
  ]);
  return { user: u, supervising, caseload };
}
