import "server-only";
import { assertCanReadFhir } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { PdfWriter } from "@/lib/export/pdf-writer";
import { fhirEntryDetails, fhirSignedEntriesPage } from "@/lib/observations/fhir-queries";
import { auditFhir } from "./audit-fhir";
import { entryNoteText } from "./mappers/document-reference";
import type { FhirPrincipal } from "./principal";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Binary/{id}: the PDF of a signed entry's note (the DocumentReference's second attachment). Audited. */
export async function signedNotePdf(p: FhirPrincipal, entryId: string): Promise<Uint8Array> {
  assertCanReadFhir(p, "DocumentReference");
  if (!UUID.test(entryId)) throw notFound("Binary");
  const page = await fhirSignedEntriesPage(p, "DocumentReference", { id: entryId, limit: 1 });
  const e = page.rows[0];
  if (!e) throw notFound("Binary");
  const details = await fhirEntryDetails(p, "DocumentReference", [e.id]);
  // the same Unicode subset fonts as the report PDFs: names in every script print as written
  const w = await PdfWriter.create({ title: `Signed session note ${e.startsAt.toISOString().slice(0, 10)}` });
  await w.line("Signed session note", { size: 16, bold: true, gap: 8 });
  for (const line of entryNoteText(e, details).split("\n")) await w.line(line);
  await auditFhir(p, "fhir.read", "Binary", { entityId: e.id, patientIds: [e.patientId] });
  return w.save();
}
