import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { getLocale, getTranslations } from "next-intl/server";
import { listReports } from "@/lib/reports/queries";
import { formatDayRange } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}
export const dynamic = "force-dynamic";

export default async function ReportsPage() {
  const actor = await requirePermission("report:read", "/reports");
  const reports = await listReports(actor);
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        {actor.role === "assistant" ? (
          <Link href="/reports/new" className={buttonVariants()}>
            {t("write")}
          </Link>
        ) : null}
      </div>
      <Card>
        {reports.length ? (
          <ul className="divide-y divide-border">
            {reports.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <Link href={`/reports/${r.id}`} className="inline-flex min-h-11 items-center text-lg font-semibold underline">
                  {t("item", { name: r.patientName, period: formatDayRange(r.periodStart, r.periodEnd, locale) })}
                </Link>
                <Badge tone={r.status === "acknowledged" ? "success" : "info"}>{r.status === "acknowledged" ? t("acknowledged") : t("awaiting")}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">{t("empty")}</p>
        )}
      </Card>
    </div>
  );
}
