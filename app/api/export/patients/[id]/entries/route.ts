import { errorLocale } from "@/lib/action-result";
import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { exportPatientEntries } from "@/lib/export/patient-entries";
import { progressRange } from "@/lib/progress/queries";
import { exportError, exportResponse } from "../../../respond";

export const dynamic = "force-dynamic";

/** A patient's entries for ?from=YYYY-MM-DD&to=YYYY-MM-DD as CSV, or .xlsx with &format=xlsx, headers in the reader's language. Authenticated, scoped and audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  let actor: Actor | null = null;
  try {
    actor = await requireActor();
    const { id } = await params;
    const url = new URL(request.url);
    const range = progressRange(actor.clinic.timeZone, url.searchParams.get("from") ?? undefined, url.searchParams.get("to") ?? undefined);
    return exportResponse(await exportPatientEntries(actor, id, range, url.searchParams.get("format"), await errorLocale()));
  } catch (err) {
    return exportError(err, actor, "/api/export/patients/[id]/entries");
  }
}
