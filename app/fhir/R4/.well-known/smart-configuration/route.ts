import { fhirBase } from "@/lib/fhir/base-url";
import { smartConfiguration } from "@/lib/fhir/smart/configuration";

export const dynamic = "force-dynamic";

/** SMART discovery (public): where the token endpoint is and what it accepts. */
export function GET(request: Request) {
  return Response.json(smartConfiguration(fhirBase(request.url)), { headers: { "cache-control": "no-store" } });
}
