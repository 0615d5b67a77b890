import { NextResponse, type NextRequest } from "next/server";
import { exportAuditLog } from "@/lib/audit-log/queries";
import { auditFilterSchema } from "@/lib/audit-log/schemas";
import { auditDenied, getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { exportError, exportResponse } from "@/app/api/export/respond";
import { errorLocale } from "@/lib/action-result";
import { translatorFor } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

/** The filtered audit log as CSV, or .xlsx with &format=xlsx (admins only; the export itself is audited), headers and refusals in the reader's language. */
export async function GET(req: NextRequest) {
  const actor = await getActor();
  const locale = await errorLocale();
  const t = translatorFor(locale);
  if (!actor || actor.mustChangePassword) return NextResponse.json({ error: t("errors.unauthenticated") }, { status: 401 });
  if (!can(actor, "audit:read")) {
    await auditDenied(actor, "/admin/audit/export", { permission: "audit:read" });
    return NextResponse.json({ error: t("errors.roleForbidden") }, { status: 403 });
  }
  const parsed = auditFilterSchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!parsed.success) return NextResponse.json({ error: t("errors.auditFilters") }, { status: 400 });
  try {
    return exportResponse(await exportAuditLog(actor, parsed.data, req.nextUrl.searchParams.get("format"), locale));
  } catch (err) {
    return exportError(err, actor, "/admin/audit/export");
  }
}
