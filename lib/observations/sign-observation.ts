import "server-only";
import { and, count, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, observations, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/passwords";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, conflict } from "@/lib/errors";
import { signObservationSchema } from "./review-schemas";
import { loadForReview, mapSignedEntryError, statusConflict } from "./review-scope";

const MAX_WRONG = 5;
const LOCK_MS = 15 * 60_000;

/** Adopt an assistant's entry into the record (DESIGN rule 3). The therapist re-enters their password;
 * a wrong one is audited and nothing is signed. Version-checked, so a changed entry is not signed blind. */
export async function signObservation(actor: Actor, input: unknown) {
  assertCan(actor, "observation:sign");
  const data = signObservationSchema.parse(input);
  const db = getDb();
  const entry = await loadForReview(db, actor, data.observationId);
  // Re-entering the password must not become a way to guess it: the refusals are in the audit table
  // (shared by every app instance), and too many in a short time stop further tries for a while.
  const [recent] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.actorId, actor.id), eq(auditEvents.action, "observation.sign_refused"), gt(auditEvents.at, new Date(Date.now() - LOCK_MS))));
  if ((recent?.n ?? 0) >= MAX_WRONG) {
    throw new AppError("RATE_LIMITED", { key: "errors.observations.signThrottled" });
  }
  const [me] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!me || !(await verifyPassword(me.hash, data.password))) {
    await audit(db, actor, { action: "observation.sign_refused", entity: "observation", entityId: entry.id, patientId: entry.patientId, detail: { reason: "password" } });
    throw new AppError("VALIDATION", { key: "errors.observations.wrongPassword" }, { password: ["errors.observations.wrongPasswordField"] });
  }
  if (entry.status !== "submitted") statusConflict(entry.status, "signed");
  const label = actor.title ? `${actor.name}, ${actor.title}` : actor.name;
  return db
    .transaction(async (tx) => {
      const now = new Date();
      const [row] = await tx
        .update(observations)
        .set({ status: "signed", signedAt: now, signedBy: actor.id, signedByLabel: label, updatedAt: now, version: sql`${observations.version} + 1` })
        .where(and(eq(observations.id, entry.id), eq(observations.status, "submitted"), eq(observations.version, data.version)))
        .returning({ version: observations.version, signedAt: observations.signedAt });
      if (!row) throw conflict({ key: "errors.observations.assistantChangedSign" });
      await audit(tx, actor, { action: "observation.sign", entity: "observation", entityId: entry.id, patientId: entry.patientId, detail: { version: row.version } });
      return { id: entry.id, version: row.version, signedByLabel: label };
    })
    .catch(mapSignedEntryError);
}
