import "server-only";
import { createHmac } from "node:crypto";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { DeviceKeyResponse } from "./protocol";

/** DEVICE_KEY_SECRET, or else a key derived from NEXTAUTH_SECRET for this one purpose (so the session
 * secret itself never doubles as a key). Rotating either changes every user's device key: tablets then
 * cannot unwrap their local data until they sync and re-key (their outbox is sent first). */
function serverSecret(env: NodeJS.ProcessEnv = process.env): Buffer {
  const own = env.DEVICE_KEY_SECRET?.trim();
  if (own) return Buffer.from(own, "utf8");
  const session = env.NEXTAUTH_SECRET?.trim();
  if (!session) throw new Error("DEVICE_KEY_SECRET or NEXTAUTH_SECRET must be set to issue device keys.");
  return createHmac("sha256", session).update("theratrack/device-key-secret/v1").digest();
}

/** 32 bytes, base64url: HMAC-SHA256 over the user id. The same user gets the same key in every
 * session; nothing about it is stored on the server. */
export function deriveDeviceKey(userId: string, env: NodeJS.ProcessEnv = process.env): string {
  return createHmac("sha256", serverSecret(env)).update(`theratrack/device-key/v1/${userId}`).digest("base64url");
}

/** The signed-in user's own key-encryption key, audited (device.key_issued). */
export async function issueDeviceKey(actor: Actor): Promise<DeviceKeyResponse> {
  assertCan(actor, "offline:sync");
  const key = deriveDeviceKey(actor.id);
  await audit(getDb(), actor, { action: "device.key_issued", entity: "user", entityId: actor.id, detail: { keyVersion: 1, sessionId: actor.sessionId } });
  return { userId: actor.id, key, keyVersion: 1 };
}
