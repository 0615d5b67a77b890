import { fhirBase } from "@/lib/fhir/base-url";
import { capabilityStatement } from "@/lib/fhir/capability";
import { fhirJson } from "@/lib/fhir/respond";

export const dynamic = "force-dynamic";

/** The CapabilityStatement: public, as FHIR servers' metadata is (it holds no data). */
export function GET(request: Request) {
  return fhirJson(capabilityStatement(fhirBase(request.url)));
}
