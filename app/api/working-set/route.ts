import { getActor } from "@/lib/auth/session";
import { failure, NO_STORE, offlineActor, offlineJson } from "@/lib/offline/http";
import { pullWorkingSet } from "@/lib/offline/pull-working-set";

export const dynamic = "force-dynamic";

/** The aide's working set for the tablet (lib/offline/protocol.ts), 304 when the ETag still matches. */
export async function GET(req: Request) {
  const gate = await offlineActor(() => getActor(), "/api/working-set");
  if ("response" in gate) return gate.response;
  try {
    const pull = await pullWorkingSet(gate.actor, req.headers.get("if-none-match"));
    const tag = `"${pull.etag}"`;
    if (pull.status === 304) return new Response(null, { status: 304, headers: { ...NO_STORE, ETag: tag } });
    return offlineJson(pull.set, 200, { ETag: tag });
  } catch (err) {
    return failure(err, "/api/working-set");
  }
}
