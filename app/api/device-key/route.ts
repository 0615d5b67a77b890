import { getActor } from "@/lib/auth/session";
import { issueDeviceKey } from "@/lib/offline/device-key";
import { failure, offlineActor, offlineJson } from "@/lib/offline/http";

export const dynamic = "force-dynamic";

/** The tablet's key-encryption key for the signed-in user (lib/offline/device-key.ts). no-store. */
export async function GET() {
  const gate = await offlineActor(() => getActor(), "/api/device-key");
  if ("response" in gate) return gate.response;
  try {
    return offlineJson(await issueDeviceKey(gate.actor));
  } catch (err) {
    return failure(err, "/api/device-key");
  }
}
