import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { exportPatientEntries } from "@/lib/export/patient-entries";
import { progressRange } from "@/lib/progress/queries";
import { exportError } from "../../../respond";

export const dynamic = "force-dynamic";

/** CSV of a patient's entries for ?from=YYYY-MM-DD&to=YYYY-MM-DD. Authenticated, scoped and audited. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  let actor: Actor | null = null;
  try {
    actor = await requireActor();
    const { id } = await params;
    const url = new URL(request.url);
    const range = progressRange(actor.clinic.timeZone, url.searchParams.get("from") ?? undefined, url.searchParams.get("to") ?? undefined);
    const { csv, filename } = await exportPatientEntries(actor, id, range);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" },
    });
  } catch (err) {
    return exportError(err, actor, "/api/export/patients/[id]/entries");
  }
}
