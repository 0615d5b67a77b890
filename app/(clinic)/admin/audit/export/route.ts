import { NextResponse, type NextRequest } from "next/server";
import { exportAuditCsv } from "@/lib/audit-log/queries";
import { auditFilterSchema } from "@/lib/audit-log/schemas";
import { auditDenied, getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

/** The filtered audit log as CSV (admins only; the export itself is audited). */
export async function GET(req: NextRequest) {
  const actor = await getActor();
  if (!actor || actor.mustChangePassword) return NextResponse.json({ error: "Sign in again." }, { status: 401 });
  if (!can(actor, "audit:read")) {
    await auditDenied(actor, "/admin/audit/export", { permission: "audit:read" });
    return NextResponse.json({ error: "Your role does not allow this." }, { status: 403 });
  }
  const parsed = auditFilterSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.json({ error: "Check the filters." }, { status: 400 });
  const { csv } = await exportAuditCsv(actor, parsed.data);
  const stamp = new Date().toISOString().slice(0, 10);
  return new NextResponse(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
