import { readResource } from "@/lib/fhir/api";
import { fhirRoute } from "@/lib/fhir/respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fhirRoute(request, "/fhir/R4/Goal/[id]", (p, base) => readResource(p, base, "Goal", id));
}
