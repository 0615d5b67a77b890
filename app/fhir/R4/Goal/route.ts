import { search } from "@/lib/fhir/api";
import { fhirRoute } from "@/lib/fhir/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return fhirRoute(request, "/fhir/R4/Goal", (p, base) => search(p, base, "Goal", new URL(request.url).searchParams));
}
