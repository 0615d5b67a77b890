import "server-only";
import { and, asc, desc, eq, inArray, isNull, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Queryable } from "@/db/client";
import { appointments, delegations, educationGiven, goals, handoutLinks, handouts, handoutVersions, observations, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/queries";
import type { HandoutContent, HandoutLanguage } from "./schemas";
import { handoutNotFound } from "./scope";

const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

export type HandoutListItem = { id: string; discipline: string | null; currentVersion: number; updatedAt: Date; content: HandoutContent; archived: boolean };

/** The clinic's handouts with their newest version (archived ones only when asked). */
export async function listHandouts(actor: Actor, opts: { archived?: boolean } = {}): Promise<HandoutListItem[]> {
  assertCan(actor, "handout:read");
  return handoutRows(actor, opts.archived ?? false);
}

/**
 * The handouts linked to one patient now (to a goal or a delegation), newest version, archived ones only
 * when asked: the handouts page filtered from the patient's page. For a reader who may see the patient's
 * clinical record; getPatient scopes the patient and audits the read.
 */
export async function handoutsForPatient(actor: Actor, patientId: string, opts: { archived?: boolean } = {}) {
  assertCan(actor, "handout:read");
  assertCan(actor, "patient:read-clinical");
  const p = await getPatient(actor, patientId);
  return { patient: { id: p.id, displayName: p.displayName }, items: await handoutRows(actor, opts.archived ?? false, p.id) };
}

async function handoutRows(actor: Actor, archived: boolean, linkedTo?: string): Promise<HandoutListItem[]> {
  const db = getDb();
  const linked = linkedTo
    ? db
        .select({ id: handoutLinks.handoutId })
        .from(handoutLinks)
        .where(and(eq(handoutLinks.clinicId, actor.clinicId), eq(handoutLinks.patientId, linkedTo), isNull(handoutLinks.unlinkedAt)))
    : undefined;
  const rows = await db
    .select({ h: handouts, content: handoutVersions.content })
    .from(handouts)
    .innerJoin(handoutVersions, and(eq(handoutVersions.handoutId, handouts.id), eq(handoutVersions.version, handouts.currentVersion)))
    .where(and(eq(handouts.clinicId, actor.clinicId), eq(handouts.archived, archived), linked ? inArray(handouts.id, linked) : undefined))
    .orderBy(desc(handouts.updatedAt), asc(handouts.id));
  return rows.map(({ h, content }) => ({ id: h.id, discipline: h.discipline, currentVersion: h.currentVersion, updatedAt: h.updatedAt, content, archived: h.archived }));
}

/** One handout with every version (newest first) and the content of the one asked for (else the newest). */
export async function getHandout(actor: Actor, handoutId: string, version?: number) {
  assertCan(actor, "handout:read");
  if (!isUuid(handoutId)) throw handoutNotFound();
  const db = getDb();
  const [h] = await db
    .select()
    .from(handouts)
    .where(and(eq(handouts.id, handoutId), eq(handouts.clinicId, actor.clinicId)));
  if (!h) throw handoutNotFound();
  const versions = await db
    .select({ id: handoutVersions.id, version: handoutVersions.version, content: handoutVersions.content, createdAt: handoutVersions.createdAt, authorName: users.name, authorTitle: users.title })
    .from(handoutVersions)
    .innerJoin(users, eq(users.id, handoutVersions.createdBy))
    .where(eq(handoutVersions.handoutId, h.id))
    .orderBy(desc(handoutVersions.version));
  const shown = versions.find((v) => v.version === (version ?? h.currentVersion));
  if (!shown) throw handoutNotFound();
  return { handout: h, versions, shown };
}
export type HandoutDetail = Awaited<ReturnType<typeof getHandout>>;

/** The PDF's content: one version in one language, with the clinic's name; printed for a patient only when
 * the handout is linked to them and the reader may see them (then with their display name). Audited as an export. */
export async function getHandoutForPdf(actor: Actor, handoutId: string, lang: HandoutLanguage, version?: number, patientId?: string) {
  const d = await getHandout(actor, handoutId, version);
  let preparedFor: string | null = null;
  if (patientId) {
    assertCan(actor, "patient:read-clinical");
    const p = await getPatient(actor, patientId);
    const linked = await linkedVersionIds(getDb(), actor.clinicId, p.id, [d.shown.id]);
    if (!linked.size) throw new AppError("NOT_FOUND", { key: "errors.handouts.notLinkedToPatient" });
    preparedFor = p.displayName;
  }
  await audit(getDb(), actor, {
    action: "handout.export_pdf",
    entity: "handout",
    entityId: d.handout.id,
    patientId: patientId ?? null,
    detail: { version: d.shown.version, lang },
  });
  return { clinicName: actor.clinic.name, version: d.shown.version, text: d.shown.content[lang], lang, preparedFor };
}

/** The care page's links of one patient (active ones), with what each is linked to. */
export async function patientHandoutLinks(actor: Actor, patientId: string) {
  assertCan(actor, "handout:write");
  const rows = await getDb()
    .select({
      id: handoutLinks.id,
      handoutId: handoutLinks.handoutId,
      goalId: handoutLinks.goalId,
      delegationId: handoutLinks.delegationId,
      linkedAt: handoutLinks.linkedAt,
      content: handoutVersions.content,
      version: handouts.currentVersion,
      goalDescription: goals.description,
      taskType: delegations.taskType,
    })
    .from(handoutLinks)
    .innerJoin(handouts, eq(handouts.id, handoutLinks.handoutId))
    .innerJoin(handoutVersions, and(eq(handoutVersions.handoutId, handouts.id), eq(handoutVersions.version, handouts.currentVersion)))
    .leftJoin(goals, eq(goals.id, handoutLinks.goalId))
    .leftJoin(delegations, eq(delegations.id, handoutLinks.delegationId))
    .where(and(eq(handoutLinks.patientId, patientId), eq(handoutLinks.clinicId, actor.clinicId), isNull(handoutLinks.unlinkedAt)))
    .orderBy(asc(handoutLinks.linkedAt), asc(handoutLinks.id));
  return rows;
}

/**
 * The handouts a patient received: each education record that used one, with the version and language given,
 * the session's date, the aide, and the teach-back result. Therapists see the clinic's; an assistant only the
 * entries she captured. Audited as a clinical read.
 */
export async function handoutsGiven(actor: Actor, patientId: string) {
  assertCan(actor, "handout:read");
  assertCan(actor, "patient:read-clinical");
  if (!isUuid(patientId)) return [];
  const aide = alias(users, "aide");
  const db = getDb();
  const rows = await db
    .select({
      id: educationGiven.id,
      handoutId: handoutVersions.handoutId,
      version: handoutVersions.version,
      content: handoutVersions.content,
      language: educationGiven.language,
      audience: educationGiven.audience,
      understanding: educationGiven.understanding,
      topic: educationGiven.topic,
      at: appointments.startsAt,
      aideName: aide.name,
      aideTitle: aide.title,
      status: observations.status,
    })
    .from(educationGiven)
    .innerJoin(observations, eq(observations.id, educationGiven.observationId))
    .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
    .innerJoin(handoutVersions, eq(handoutVersions.id, educationGiven.handoutVersionId))
    .innerJoin(aide, eq(aide.id, observations.capturedBy))
    .where(
      and(
        eq(observations.patientId, patientId),
        eq(observations.clinicId, actor.clinicId),
        isNotNull(educationGiven.handoutVersionId),
        actor.role === "assistant" ? eq(observations.capturedBy, actor.id) : undefined,
      ),
    )
    .orderBy(desc(appointments.startsAt), asc(educationGiven.position));
  await audit(db, actor, { action: "handouts_given.view", entity: "patient", entityId: patientId, patientId, detail: { rows: rows.length } });
  return rows;
}
export type HandoutGiven = Awaited<ReturnType<typeof handoutsGiven>>[number];

/**
 * The handout versions an education record may name for a patient: versions of handouts linked (now) to that
 * patient, in the clinic. Used by the observation write path to refuse anything else.
 */
export async function linkedVersionIds(q: Queryable, clinicId: string, patientId: string, versionIds: string[]) {
  if (!versionIds.length) return new Set<string>();
  const rows = await q
    .selectDistinct({ id: handoutVersions.id })
    .from(handoutVersions)
    .innerJoin(handoutLinks, and(eq(handoutLinks.handoutId, handoutVersions.handoutId), isNull(handoutLinks.unlinkedAt), eq(handoutLinks.patientId, patientId)))
    .where(and(inArray(handoutVersions.id, versionIds), eq(handoutVersions.clinicId, clinicId)));
  return new Set(rows.map((r) => r.id));
}
