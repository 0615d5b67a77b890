import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { createUserSchema } from "./schemas";

/** Create a staff account with an initial password the person must replace at first sign-in. */
export async function createUser(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "user:manage");
  const data = createUserSchema.parse(input);
  const passwordHash = await hashPassword(data.initialPassword);
  return getDb().transaction(async (tx) => {
    // emails are the sign-in name across the whole service
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email));
    if (taken) throw new AppError("VALIDATION", { key: "errors.validation" }, { email: ["validation.users.emailTaken"] });
    const [row] = await tx
      .insert(users)
      .values({
        clinicId: actor.clinicId,
        name: data.name,
        email: data.email,
        role: data.role,
        title: data.title || null,
        discipline: data.role === "therapist" ? data.discipline : null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await audit(tx, actor, { action: "user.create", entity: "user", entityId: row!.id, detail: { role: data.role, email: data.email } });
    return { id: row!.id };
  });
}
