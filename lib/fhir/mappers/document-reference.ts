import type { DocumentReference } from "@medplum/fhirtypes";
import { TASK_TYPES } from "@/lib/care/task-types";
import { handoutLanguageFor } from "@/lib/handouts/schemas";
import type { FhirEntryDetails, FhirEntryRow } from "@/lib/observations/fhir-queries";
import { ASSIST_LABEL, SYSTEM } from "../codes";
import { instant, ref, type MapContext } from "./context";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const progressNote = { coding: [{ system: SYSTEM.loinc, code: "11506-3", display: "Progress note" }], text: "Therapy session note" };

/** The handout an education record gave, by its title in the language given (English otherwise) and version. */
function handoutNamed(x: FhirEntryDetails["education"][number]): string {
  if (!x.handoutContent || x.handoutVersion === null) return "";
  const text = x.handoutContent[handoutLanguageFor(x.language)] ?? x.handoutContent.en;
  return `; handout "${text.title}" version ${x.handoutVersion}`;
}

/** The signed note as plain text: what the assistant captured and who signed it (as on the review page). */
export function entryNoteText(e: FhirEntryRow, d: FhirEntryDetails): string {
  const lines = [`Therapy session ${instant(e.startsAt)}`, `Captured by ${e.capturedByLabel}`, `Signed by ${e.signedByLabel} at ${instant(e.signedAt)}`, ""];
  for (const m of d.measures.filter((x) => x.observationId === e.id)) {
    const level = m.assistLevel ? ` (${ASSIST_LABEL[m.assistLevel] ?? m.assistLevel})` : "";
    lines.push(`Goal: ${m.description}: ${m.value ?? "not measured"} ${m.unit}${level}${m.note ? `. ${m.note}` : ""}`);
  }
  for (const t of d.tasks.filter((x) => x.observationId === e.id)) {
    lines.push(`Task: ${(TASK_TYPES as Record<string, string>)[t.taskType] ?? t.taskType}: ${t.done ? "done" : "not done"}${t.note ? `. ${t.note}` : ""}`);
  }
  if (e.attitude !== null) lines.push(`Attitude: ${e.attitude}/5${e.attitudeTags.length ? ` (${e.attitudeTags.join(", ")})` : ""}`);
  if (e.accomplishments) lines.push(`Accomplishments: ${e.accomplishments}`);
  if (e.comfortAndNeeds) lines.push(`Comfort and needs: ${e.comfortAndNeeds}`);
  for (const x of d.education.filter((y) => y.observationId === e.id)) {
    lines.push(`Education: ${x.topic} to ${x.audience} by ${x.method} in ${x.language}, understanding ${x.understanding}${handoutNamed(x)}`);
  }
  if (e.note) lines.push(`Note: ${e.note}`);
  return lines.join("\n");
}

/** The signed entry as a document: its text inline and its PDF (Binary) by URL. */
export function toDocumentReference(ctx: MapContext, e: FhirEntryRow, d: FhirEntryDetails): DocumentReference {
  return {
    resourceType: "DocumentReference",
    id: e.id,
    status: "current",
    docStatus: "final",
    type: progressNote,
    subject: ref("Patient", e.patientId),
    date: instant(e.signedAt),
    author: [ref("Practitioner", e.capturedBy, e.capturedByLabel)],
    authenticator: ref("Practitioner", e.signedBy, e.signedByLabel),
    content: [
      { attachment: { contentType: "text/plain; charset=utf-8", data: b64(entryNoteText(e, d)), title: "Signed session note" } },
      { attachment: { contentType: "application/pdf", url: `${ctx.base}/Binary/${e.id}`, title: "Signed session note (PDF)" } },
    ],
    context: { encounter: [ref("Encounter", e.appointmentId)], period: { start: instant(e.startsAt), end: instant(e.endsAt) } },
  };
}

/** An amendment to a signed entry: its own document, pointing at the note it amends. */
export function toAmendmentDocument(e: FhirEntryRow, a: FhirEntryDetails["amendments"][number]): DocumentReference {
  return {
    resourceType: "DocumentReference",
    id: a.id,
    status: "current",
    docStatus: "amended",
    type: progressNote,
    description: `Amendment: ${a.reason}`,
    subject: ref("Patient", e.patientId),
    date: instant(a.at),
    author: [ref("Practitioner", a.authorId, a.authorLabel)],
    authenticator: ref("Practitioner", a.authorId, a.authorLabel),
    relatesTo: [{ code: "appends", target: ref("DocumentReference", e.id) }],
    content: [{ attachment: { contentType: "text/plain; charset=utf-8", data: b64(`Amendment by ${a.authorLabel} at ${instant(a.at)}\nReason: ${a.reason}\n\n${a.text}`), title: "Amendment" } }],
    context: { encounter: [ref("Encounter", e.appointmentId)] },
  };
}

/** Every DocumentReference of one signed entry: the note, then its amendments. */
export function toDocuments(ctx: MapContext, e: FhirEntryRow, d: FhirEntryDetails): DocumentReference[] {
  return [toDocumentReference(ctx, e, d), ...d.amendments.filter((a) => a.observationId === e.id).map((a) => toAmendmentDocument(e, a))];
}
