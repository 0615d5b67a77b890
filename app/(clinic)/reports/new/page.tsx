import { redirect } from "next/navigation";
import { z } from "zod";
import { requirePermission } from "@/lib/auth/session";
import { readSearchParams, type SearchParams } from "@/lib/validation";

export const dynamic = "force-dynamic";

/**
 * Progress reports are written on the assistant's tablet screen (/reports/write, works offline; the write
 * goes through the outbox and lib/reports/submit-progress-report.ts). Only assistants write reports, so
 * this page keeps its address (links, bookmarks) and sends them there.
 */
export default async function NewReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requirePermission("report:submit", "/reports/new");
  const { values } = readSearchParams({ patient: z.uuid().optional() }, await searchParams);
  redirect(values.patient ? `/reports/write?patient=${values.patient}` : "/reports/write");
}
