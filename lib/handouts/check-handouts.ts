import "server-only";
import type { Tx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { ObservationContent } from "@/lib/observations/schemas";
import { HANDOUT_LANGUAGE_NAMES } from "./schemas";
import { linkedVersionIds } from "./queries";

const NAMES = new Set(Object.values(HANDOUT_LANGUAGE_NAMES));

/**
 * An education record may name a handout version only if it is one of this clinic's and its handout is
 * linked to this patient; its language must be one the handout is written in. Called by the observation write
 * path (drafts and submits, online and from the outbox), so the same refusal reaches every tablet.
 */
export async function checkHandouts(tx: Tx, actor: Actor, patientId: string, education: ObservationContent["education"]): Promise<void> {
  const ids = [...new Set(education.map((e) => e.handoutVersionId).filter((v): v is string => !!v))];
  if (!ids.length) return;
  const linked = await linkedVersionIds(tx, actor.clinicId, patientId, ids);
  education.forEach((e, i) => {
    if (!e.handoutVersionId) return;
    if (!linked.has(e.handoutVersionId)) {
      throw new AppError("FORBIDDEN", { key: "errors.handouts.notLinked", values: { n: i + 1 } });
    }
    if (!NAMES.has(e.language)) {
      throw new AppError("VALIDATION", { key: "errors.handouts.language", values: { n: i + 1 } });
    }
  });
}
