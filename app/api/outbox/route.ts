import { getActor } from "@/lib/auth/session";
import { failure, offlineActor, offlineError, offlineJson, readCapped } from "@/lib/offline/http";
import { outboxBatchSchema } from "@/lib/offline/outbox-schema";
import { processOutbox } from "@/lib/offline/process-outbox";
import { OUTBOX_MAX_BODY_BYTES, type OutboxResponse } from "@/lib/offline/protocol";

export const dynamic = "force-dynamic";

const TOO_LARGE = `The batch is larger than ${OUTBOX_MAX_BODY_BYTES} bytes: send fewer changes at a time.`;

/** The tablet's outbox (lib/offline/protocol.ts): each mutation replayed through its lib/ verb and
 * recorded by its client id (lib/offline/process-outbox.ts). */
export async function POST(req: Request) {
  if (Number(req.headers.get("content-length") ?? 0) > OUTBOX_MAX_BODY_BYTES) return offlineError(413, "PAYLOAD_TOO_LARGE", TOO_LARGE);
  const gate = await offlineActor(() => getActor(), "/api/outbox");
  if ("response" in gate) return gate.response;
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return offlineError(400, "VALIDATION", "Send the batch as application/json.");
  }
  const text = await readCapped(req, OUTBOX_MAX_BODY_BYTES);
  if (text === null) return offlineError(413, "PAYLOAD_TOO_LARGE", TOO_LARGE);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return offlineError(400, "VALIDATION", "The batch is not valid JSON.");
  }
  const batch = outboxBatchSchema.safeParse(json);
  if (!batch.success) {
    const issues = batch.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), message: i.message }));
    return offlineError(400, "VALIDATION", "The batch is malformed; nothing was processed.", issues);
  }
  if (batch.data.userId && batch.data.userId !== gate.actor.id) {
    return offlineError(409, "WRONG_USER", "These changes were made by another user. Nothing was sent: they wait on the tablet for that user to sign in.");
  }
  try {
    const body: OutboxResponse = { results: await processOutbox(gate.actor, batch.data.mutations), serverTime: new Date().toISOString() };
    return offlineJson(body);
  } catch (err) {
    return failure(err, "/api/outbox");
  }
}
