import { kickOff } from "@/lib/fhir/export/kick-off";
import { fhirRoute } from "@/lib/fhir/respond";

export const dynamic = "force-dynamic";

/** Bulk Data: every patient of the clinic. */
export async function GET(request: Request) {
  return fhirRoute(request, "/fhir/R4/Patient/$export", (p, base) => kickOff(p, base, request));
}
