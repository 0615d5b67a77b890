import { tokenUrl } from "@/lib/fhir/base-url";
import { tokenResponse } from "@/lib/fhir/smart/token-response";

export const dynamic = "force-dynamic";

/** SMART Backend Services token endpoint: the client authenticates with its signed JWT assertion. */
export async function POST(request: Request) {
  return tokenResponse(request, tokenUrl(request.url));
}
