import { exportStatusResponse } from "@/lib/fhir/export/kick-off";
import { cancelExport } from "@/lib/fhir/export/status";
import { fhirRoute } from "@/lib/fhir/respond";

export const dynamic = "force-dynamic";

/** Poll an export: 202 while it runs, 200 and the manifest when done. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fhirRoute(request, "/fhir/R4/bulk-status/[id]", (p, base) => exportStatusResponse(p, base, id));
}

/** Cancel an export and delete its files. */
export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fhirRoute(request, "/fhir/R4/bulk-status/[id]", async (p) => {
    await cancelExport(p, id);
    return new Response(null, { status: 202 });
  });
}
