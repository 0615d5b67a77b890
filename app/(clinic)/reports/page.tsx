import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listReports } from "@/lib/reports/queries";

export const metadata: Metadata = { title: "Progress reports" };
export const dynamic = "force-dynamic";

export default async function ReportsPage() {
  const actor = await requirePermission("report:read", "/reports");
  const reports = await listReports(actor);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Progress reports</h1>
        {actor.role === "assistant" ? (
          <Link href="/reports/new" className={buttonVariants()}>
            Write a report
          </Link>
        ) : null}
      </div>
      <Card>
        {reports.length ? (
          <ul className="divide-y divide-border">
            {reports.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <Link href={`/reports/${r.id}`} className="text-lg font-semibold underline">
                  {r.patientName}: {r.periodStart} to {r.periodEnd}
                </Link>
                <Badge tone={r.status === "acknowledged" ? "success" : "info"}>{r.status === "acknowledged" ? "Acknowledged" : "Awaiting acknowledgement"}</Badge>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted-foreground">No reports yet.</p>
        )}
      </Card>
    </div>
  );
}
