import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { handouts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export const handoutNotFound = () => new AppError("NOT_FOUND", { key: "errors.notFound.handout" });

/** A handout of the actor's clinic, or NOT_FOUND (another clinic's handout does not exist for them). */
export async function clinicHandout(q: Queryable, actor: Actor, handoutId: string, opts: { lock?: boolean } = {}) {
  const query = q
    .select()
    .from(handouts)
    .where(and(eq(handouts.id, handoutId), eq(handouts.clinicId, actor.clinicId)));
  const [h] = opts.lock ? await query.for("update") : await query;
  if (!h) throw handoutNotFound();
  return h;
}
