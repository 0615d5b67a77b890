import { openExportFile } from "@/lib/fhir/export/status";
import { fhirRoute } from "@/lib/fhir/respond";

export const dynamic = "force-dynamic";

/** One NDJSON file of a finished export, streamed from disk. Same credentials as the kick-off. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; file: string }> }) {
  const { id, file } = await params;
  return fhirRoute(request, "/fhir/R4/bulk-files/[id]/[file]", async (p) => {
    const body = await openExportFile(p, id, file);
    return new Response(body, { headers: { "content-type": "application/fhir+ndjson", "cache-control": "no-store" } });
  });
}
