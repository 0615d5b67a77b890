import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { logError } from "@/lib/log";

export async function checkDatabase(timeoutMs = 3000): Promise<{ ok: true; latencyMs: number } | { ok: false }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database check timed out")), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    logError("health.database_down", err);
    return { ok: false };
  } finally {
    clearTimeout(timer);
  }
}
