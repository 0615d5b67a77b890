import "server-only";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { competencies, delegations, goals, patients, supervisions, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { displayName } from "@/lib/patients/queries";

/** A patient's goals and delegations, and the therapist's supervised assistants with their current
 * competencies: everything the care-plan page needs, in a handful of queries. Audited as a clinical read. */
export async function getCarePlan(actor: Actor, patientId: string) {
  assertCan(actor, "care:manage");
  if (!/^[0-9a-f-]{36}$/i.test(patientId)) throw notFound("Patient");
  const db = getDb();
  const [p] = await db.select().from(patients).where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
  if (!p) throw notFound("Patient");
  const assistant = alias(users, "assistant");
  const verifier = alias(users, "verifier");
  const [goalRows, delegationRows, team] = await Promise.all([
    db.select().from(goals).where(eq(goals.patientId, p.id)).orderBy(asc(goals.status), asc(goals.createdAt)),
    db
      .select({ d: delegations, assistantName: assistant.name })
      .from(delegations)
      .innerJoin(assistant, eq(assistant.id, delegations.assistantId))
      .where(eq(delegations.patientId, p.id))
      .orderBy(asc(delegations.status), desc(delegations.createdAt)),
    db
      .select({ id: users.id, name: users.name, title: users.title })
      .from(supervisions)
      .innerJoin(users, eq(users.id, supervisions.assistantId))
      .where(and(eq(supervisions.therapistId, actor.id), eq(users.active, true)))
      .orderBy(asc(users.name)),
  ]);
  const skills = team.length
    ? await db
        .select({ c: competencies, verifiedByName: verifier.name })
        .from(competencies)
        .innerJoin(verifier, eq(verifier.id, competencies.verifiedBy))
        .where(and(inArray(competencies.assistantId, team.map((t) => t.id)), isNull(competencies.revokedAt)))
        .orderBy(asc(competencies.taskType))
    : [];
  await audit(db, actor, { action: "care_plan.view", entity: "patient", entityId: p.id, patientId: p.id });
  return {
    patient: { id: p.id, name: displayName(p), precautions: p.precautions, version: p.version },
    goals: goalRows,
    delegations: delegationRows.map((r) => ({ ...r.d, assistantName: r.assistantName })),
    team: team.map((t) => ({ ...t, competencies: skills.filter((s) => s.c.assistantId === t.id).map((s) => ({ ...s.c, verifiedByName: s.verifiedByName })) })),
  };
}
export type CarePlan = Awaited<ReturnType<typeof getCarePlan>>;
