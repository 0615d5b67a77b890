import type { WorkingSet } from "./protocol";
import { open, seal } from "./crypto";
import { getOfflineDb } from "./db";
import { unlocked } from "./vault";

const slot = (userId: string) => `working-set:${userId}`;

export async function loadWorkingSet(): Promise<{ ws: WorkingSet; etag: string; pulledAt: string } | null> {
  const u = unlocked();
  if (!u) return null;
  const row = await getOfflineDb().workingSets.get(u.userId);
  if (!row) return null;
  return { ws: await open<WorkingSet>(u.dataKey, row.data, slot(u.userId)), etag: row.etag, pulledAt: row.pulledAt };
}

export async function saveWorkingSet(ws: WorkingSet, etag: string): Promise<void> {
  const u = unlocked();
  if (!u) return;
  await getOfflineDb().workingSets.put({ userId: u.userId, etag, pulledAt: new Date().toISOString(), data: await seal(u.dataKey, ws, slot(u.userId)) });
}

export async function touchWorkingSet(): Promise<void> {
  const u = unlocked();
  if (u) await getOfflineDb().workingSets.update(u.userId, { pulledAt: new Date().toISOString() });
}

export async function etagOf(): Promise<string | null> {
  const u = unlocked();
  return u ? ((await getOfflineDb().workingSets.get(u.userId))?.etag ?? null) : null;
}

/** Patient data goes once nothing is left to send (a 401 with an empty outbox, a role change). */
export async function dropWorkingSet(userId: string): Promise<void> {
  await getOfflineDb().workingSets.delete(userId);
}
