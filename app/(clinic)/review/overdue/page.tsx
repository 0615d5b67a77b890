import type { Metadata } from "next";
import { OverdueSignoff } from "@/components/review/overdue-signoff";
import { requirePermission } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";
import { overdueSignoffs } from "@/lib/observations/review-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overdue"))("title") };
}
export const dynamic = "force-dynamic";

/** Entries past the clinic's sign-off deadline: the clinic's for admins (names and ages, no clinical
 * content), one's own for therapists. */
export default async function OverduePage() {
  const actor = await requirePermission("overdue:view", "/review/overdue");
  const items = await overdueSignoffs(actor);
  const t = await getTranslations("overdue");
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="text-muted-foreground">
        {actor.clinic.signoffDeadlineHours === null
          ? t("ruleEndOfDay")
          : t("ruleHours", { hours: actor.clinic.signoffDeadlineHours })}
      </p>
      <OverdueSignoff items={items} timeZone={actor.clinic.timeZone} showTherapist={actor.role === "admin"} />
    </div>
  );
}
