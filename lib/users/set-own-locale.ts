import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { setOwnLocaleSchema } from "./schemas";

/** The signed-in person chooses their UI language (null = follow the browser). */
export async function setOwnLocale(actor: Actor, input: unknown): Promise<{ locale: string | null }> {
  assertCan(actor, "account:preferences");
  const { locale } = setOwnLocaleSchema.parse(input);
  return getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ locale, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, actor.id));
    await audit(tx, actor, { action: "user.locale_change", entity: "user", entityId: actor.id, detail: { locale } });
    return { locale };
  });
}
