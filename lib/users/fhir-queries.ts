import "server-only";
import { and, asc, eq, gt, gte, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { assertCanReadFhir, type Subject } from "@/lib/auth/permissions";
import { pageOf, type ChartFilter, type Page } from "@/lib/fhir/cursor";

export type FhirPractitionerRow = {
  id: string;
  name: string;
  role: "therapist" | "assistant";
  title: string | null;
  discipline: "PT" | "OT" | "SLP" | "RT" | null;
  active: boolean;
};

/** Therapists and assistants of the caller's clinic (admins are not practitioners). No emails. */
export async function fhirPractitionersPage(
  subject: Subject,
  type: "Practitioner" | "PractitionerRole",
  f: Pick<ChartFilter, "since" | "after" | "limit"> & { ids?: string[] },
): Promise<Page<FhirPractitionerRow>> {
  assertCanReadFhir(subject, type);
  const rows = await getDb()
    .select({ id: users.id, name: users.name, role: users.role, title: users.title, discipline: users.discipline, active: users.active })
    .from(users)
    .where(
      and(
        eq(users.clinicId, subject.clinicId),
        inArray(users.role, ["therapist", "assistant"]),
        f.ids ? inArray(users.id, f.ids.length ? f.ids : ["00000000-0000-0000-0000-000000000000"]) : undefined,
        f.since ? gte(users.updatedAt, f.since) : undefined,
        f.after ? gt(users.id, f.after.id) : undefined,
      ),
    )
    .orderBy(asc(users.id))
    .limit(f.limit + 1);
  return pageOf(rows as FhirPractitionerRow[], f.limit, (r) => ({ t: "", id: r.id }));
}

/** Group/{id} is a therapist's panel: does this therapist exist in the caller's clinic? */
export async function fhirPanelExists(subject: Subject, therapistId: string): Promise<boolean> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(therapistId)) return false;
  const [row] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, therapistId), eq(users.clinicId, subject.clinicId), eq(users.role, "therapist")))
    .limit(1);
  return !!row;
}
