import { NextResponse } from "next/server";
import { errorLocale, toActionError } from "@/lib/action-result";
import { auditDenied, requireActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { exportSupplies } from "@/lib/supplies/export-supplies";
import { exportResponse } from "../respond";

export const dynamic = "force-dynamic";

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, VALIDATION: 400 } as Record<string, number>;

/** The clinic's supplies as a CSV download, or .xlsx with ?format=xlsx (admins). Authenticated, authorized and audited in the verb. */
export async function GET(request: Request) {
  try {
    const actor = await requireActor();
    try {
      return exportResponse(await exportSupplies(actor, new URL(request.url).searchParams.get("format"), await errorLocale()));
    } catch (err) {
      if (err instanceof AppError && err.code === "FORBIDDEN") await auditDenied(actor, "/api/export/supplies");
      throw err;
    }
  } catch (err) {
    const e = toActionError(err, "exportSupplies", await errorLocale());
    return NextResponse.json({ message: e.message }, { status: STATUS[e.code] ?? 500, headers: { "Cache-Control": "no-store" } });
  }
}
