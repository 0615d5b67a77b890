import { exportError } from "@/app/api/export/respond";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { renderHandoutPdf } from "@/lib/export/handout-pdf";
import { getHandoutForPdf } from "@/lib/handouts/queries";
import { handoutPdfQuery } from "@/lib/handouts/schemas";
import { readSearchParams } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** A handout version as PDF: /handouts/<id>/pdf?lang=es&version=2 (newest version when absent; &patient=<id>
 * prints it for one patient it is linked to). Audited as an export (handout.export_pdf). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  let actor: Actor | null = null;
  try {
    actor = await requireActor();
    const { id } = await params;
    const { values } = readSearchParams(handoutPdfQuery, Object.fromEntries(new URL(request.url).searchParams));
    const h = await getHandoutForPdf(actor, id, values.lang, values.version, values.patient);
    const pdf = await renderHandoutPdf(h);
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="handout-v${h.version}-${h.lang}.pdf"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    return exportError(err, actor, "/handouts/[id]/pdf");
  }
}
