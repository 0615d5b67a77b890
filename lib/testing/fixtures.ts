import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/passwords";

let seeded = false;
/** Seed the demo clinics into this test file's database (once per file). */
export async function seedDemoOnce(): Promise<void> {
  if (seeded) return;
  await seedDemo(getDb(), hashPassword);
  seeded = true;
}

/** Build the Actor a signed-in request would carry, straight from the database. */
export async function actorFor(email: string): Promise<Actor> {
  const [row] = await getDb()
    .select({ user: users, clinic: clinics })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return {
    id: row.user.id,
    clinicId: row.user.clinicId,
    role: row.user.role,
    name: row.user.name,
    email: row.user.email,
    title: row.user.title,
    locale: row.user.locale,
    sessionId: null,
    mustChangePassword: row.user.mustChangePassword,
    clinic: {
      name: row.clinic.name,
      timeZone: row.clinic.timeZone,
      idleTimeoutMinutes: row.clinic.idleTimeoutMinutes,
      signoffDeadlineHours: row.clinic.signoffDeadlineHours,
    },
    ip: "203.0.113.7",
    userAgent: "vitest",
  };
}

export const DEMO = {
  admin: "alex.admin@sunrise.example",
  olivia: "olivia.ot@sunrise.example",
  peter: "peter.pt@sunrise.example",
  ana: "ana.aide@sunrise.example",
  sam: "sam.aide@sunrise.example",
  harborAdmin: "hana.admin@harbor.example",
  theo: "theo.pt@harbor.example",
  hugo: "hugo.aide@harbor.example",
} as const;
