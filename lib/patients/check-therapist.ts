import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** A primary therapist must be an active therapist of the same clinic. */
export async function checkPrimaryTherapist(q: Queryable, clinicId: string, id: string | null): Promise<void> {
  if (!id) return;
  const [t] = await q.select({ role: users.role, active: users.active }).from(users).where(and(eq(users.id, id), eq(users.clinicId, clinicId)));
  if (!t || t.role !== "therapist" || !t.active) throw new AppError("VALIDATION", { key: "errors.validation" }, { primaryTherapistId: ["errors.patients.activeTherapist"] });
}

export const MRN_TAKEN = new AppError("VALIDATION", { key: "errors.validation" }, { mrn: ["errors.patients.mrnTaken"] });
