import { search } from "@/lib/fhir/api";
import { fhirRoute } from "@/lib/fhir/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return fhirRoute(request, "/fhir/R4/Encounter", (p, base) => search(p, base, "Encounter", new URL(request.url).searchParams));
}
