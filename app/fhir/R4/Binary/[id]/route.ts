import { signedNotePdf } from "@/lib/fhir/entry-pdf";
import { fhirRoute } from "@/lib/fhir/respond";

export const dynamic = "force-dynamic";

/** The PDF of a signed entry's note (linked from its DocumentReference). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fhirRoute(request, "/fhir/R4/Binary/[id]", async (p) => {
    const pdf = await signedNotePdf(p, id);
    return new Response(Buffer.from(pdf), { headers: { "content-type": "application/pdf", "cache-control": "no-store" } });
  });
}
