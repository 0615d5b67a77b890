import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { observations, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/passwords";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, conflict } from "@/lib/errors";
import { signObservationSchema } from "./review-schemas";
import { loadForReview, mapSignedEntryError, statusConflict } from "./review-scope";

/** Adopt an assistant's entry into the record (DESIGN rule 3). The therapist re-enters their password;
 * a wrong one is audited and nothing is signed. Version-checked, so a changed entry is not signed blind. */
export async function signObservation(actor: Actor, input: unknown) {
  assertCan(actor, "observation:sign");
  const data = signObservationSchema.parse(input);
  const db = getDb();
  const entry = await loadForReview(db, actor, data.observationId);
  const [me] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!me || !(await verifyPassword(me.hash, data.password))) {
    await audit(db, actor, { action: "observation.sign_refused", entity: "observation", entityId: entry.id, patientId: entry.patientId, detail: { reason: "password" } });
    throw new AppError("VALIDATION", "That password is not correct. The entry was not signed.", { password: ["That password is not correct."] });
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
      if (!row) throw conflict("The assistant changed this entry since you opened it. Reload and review it again before signing.");
      await audit(tx, actor, { action: "observation.sign", entity: "observation", entityId: entry.id, patientId: entry.patientId, detail: { version: row.version } });
      return { id: entry.id, version: row.version, signedByLabel: label };
    })
    .catch(mapSignedEntryError);
}
