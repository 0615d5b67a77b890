import { kickOff } from "@/lib/fhir/export/kick-off";
import { fhirRoute } from "@/lib/fhir/respond";

export const dynamic = "force-dynamic";

/** Bulk Data: a therapist's panel (Group id = the therapist's Practitioner id). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fhirRoute(request, "/fhir/R4/Group/[id]/$export", (p, base) => kickOff(p, base, request, id));
}
