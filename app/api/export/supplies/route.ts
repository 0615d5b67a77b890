import { NextResponse } from "next/server";
import { errorLocale, toActionError } from "@/lib/action-result";
import { auditDenied, requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { exportSupplies } from "@/lib/supplies/export-supplies";

export const dynamic = "force-dynamic";

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as Record<string, number>;

/** The clinic's supplies as a CSV download (admins). Authenticated, authorized and audited in the verb. */
export async function GET() {
  try {
    const actor = await requireActor();
    try {
      const { filename, csv } = await exportSupplies(actor, await errorLocale());
      return new NextResponse(csv, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="${filename}"`,
          "Cache-Control": "no-store",
        },
      });
    } catch (err) {
      if (err instanceof AppError && err.code === "FORBIDDEN") await auditDenied(actor, "/api/export/supplies");
      throw err;
    }
  } catch (err) {
    const e = toActionError(err, "exportSupplies", await errorLocale());
    return NextResponse.json({ message: e.message }, { status: STATUS[e.code] ?? 500, headers: { "Cache-Control": "no-store" } });
  }
}
