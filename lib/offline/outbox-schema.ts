import { z } from "zod";
import { text } from "@/lib/validation";
import { MUTATION_KINDS, OUTBOX_MAX_BATCH } from "./protocol";

const mutationSchema = z.object({
  id: z.uuidv4("Each mutation needs a tablet-made UUID v4 id."),
  kind: z.enum(MUTATION_KINDS, "Unknown mutation kind."),
  // the verb parses the payload with its own schema; here it only has to be an object
  payload: z.record(text(), z.unknown(), "The payload must be an object."),
  createdAt: z.iso.datetime({ offset: true, error: "createdAt must be an ISO 8601 time." }),
  basedOn: z.uuidv4("basedOn must be the id of an earlier mutation.").optional(),
});

/** POST /api/outbox body: the envelope only. A malformed envelope is a 400 for the whole batch; a
 * malformed payload is that mutation's refusal (VALIDATION), recorded like any other answer. */
export const outboxBatchSchema = z.object({
  mutations: z.array(mutationSchema).max(OUTBOX_MAX_BATCH, `At most ${OUTBOX_MAX_BATCH} mutations per batch.`),
  userId: z.uuid("userId must be the id of the user who made these changes.").optional(),
});
export type ParsedMutation = z.output<typeof mutationSchema>;
