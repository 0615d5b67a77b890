import type { Metadata } from "next";
import { OverdueSignoff } from "@/components/review/overdue-signoff";
import { requirePermission } from "@/lib/auth/session";
import { overdueSignoffs } from "@/lib/observations/review-queries";

export const metadata: Metadata = { title: "Overdue sign-off" };
export const dynamic = "force-dynamic";

/** Entries past the clinic's sign-off deadline: the clinic's for admins (names and ages, no clinical
 * content), one's own for therapists. */
export default async function OverduePage() {
  const actor = await requirePermission("overdue:view", "/review/overdue");
  const items = await overdueSignoffs(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Overdue sign-off</h1>
      <p className="text-muted-foreground">
        {actor.clinic.signoffDeadlineHours === null
          ? "Entries must be signed by the end of the day they were submitted."
          : `Entries must be signed within ${actor.clinic.signoffDeadlineHours} hours of submission.`}
      </p>
      <OverdueSignoff items={items} timeZone={actor.clinic.timeZone} showTherapist={actor.role === "admin"} />
    </div>
  );
}
