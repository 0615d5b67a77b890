import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo, demoId } from "@/db/seed";
import { appointments, auditEvents, educationGiven, handoutLinks, handoutVersions } from "@/db/schema";
import { entryNoteText } from "@/lib/fhir/mappers/document-reference";
import { fhirEntryDetails, type FhirEntryRow } from "@/lib/observations/fhir-queries";
import { getEntryForReview } from "@/lib/observations/review-queries";
import { saveObservationDraft } from "@/lib/observations/save-observation-draft";
import { userPrincipal } from "@/lib/testing/fhir";
import { submitObservation } from "@/lib/observations/submit-observation";
import { recordAttendance } from "@/lib/schedule/record-attendance";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { clinicToday } from "@/lib/time";
import { archiveHandout } from "./archive-handout";
import { createHandout } from "./create-handout";
import { linkHandout } from "./link-handout";
import { getHandout, handoutsForPatient, handoutsGiven } from "./queries";
import { reviseHandout } from "./revise-handout";
import { unlinkHandout } from "./unlink-handout";

beforeAll(seedDemoOnce);

const today = () => clinicToday("America/Los_Angeles");
const sunrise = (k: string) => demoId(`sunrise:${k}`);
const p01 = demo.patient("sunrise", "p01");
const p02 = demo.patient("sunrise", "p02");
const audited = async (action: string, entityId: string) =>
  (await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId))).orderBy(desc(auditEvents.id)))[0];

const text = (lang: "en" | "es", title: string) => ({
  [`title_${lang}`]: title,
  [`steps_${lang}`]: lang === "en" ? "Stand at the counter\nLift your heel\nLower slowly" : "Párese junto a la encimera\nLevante el talón\nBaje despacio",
  [`precautions_${lang}`]: lang === "en" ? "Hold on with both hands" : "Sujétese con ambas manos",
  [`frequency_${lang}`]: lang === "en" ? "Twice a day" : "Dos veces al día",
});
const form = (over: Record<string, unknown> = {}) => ({ discipline: "PT", ...text("en", "Heel raises"), ...text("es", "Elevación de talones"), ...over });

describe("handouts: write and version", () => {
  it("a therapist writes a handout in both languages (version 1), audited", async () => {
    const peter = await actorFor(DEMO.peter);
    const { id, version } = await createHandout(peter, form());
    expect(version).toBe(1);
    const d = await getHandout(peter, id);
    expect(d.handout).toMatchObject({ clinicId: peter.clinicId, currentVersion: 1, discipline: "PT", createdBy: peter.id, archived: false });
    expect(d.shown.content.en).toEqual({ title: "Heel raises", steps: ["Stand at the counter", "Lift your heel", "Lower slowly"], precautions: ["Hold on with both hands"], frequency: "Twice a day" });
    expect(d.shown.content.es.title).toBe("Elevación de talones");
    expect(await audited("handout.create", id)).toMatchObject({ actorId: peter.id, detail: { version: 1 } });
  });

  it("editing publishes a new version; the old one is kept unchanged; a stale edit is a CONFLICT", async () => {
    const peter = await actorFor(DEMO.peter);
    const { id } = await createHandout(peter, form());
    const r = await reviseHandout(peter, { handoutId: id, version: 1, ...form({ title_en: "Heel raises (standing)" }) });
    expect(r.version).toBe(2);
    const d = await getHandout(peter, id);
    expect(d.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(d.shown.content.en.title).toBe("Heel raises (standing)");
    expect((await getHandout(peter, id, 1)).shown.content.en.title).toBe("Heel raises");
    await expect(reviseHandout(peter, { handoutId: id, version: 1, ...form() })).rejects.toMatchObject({ code: "CONFLICT", messageKey: "errors.handouts.stale" });
    expect(await audited("handout.revise", id)).toMatchObject({ detail: { version: 2 } });
    // another therapist of the clinic may publish the next one (clinic scope)
    expect((await reviseHandout(await actorFor(DEMO.olivia), { handoutId: id, version: 2, ...form() })).version).toBe(3);
  });

  it("refuses an assistant or admin writing one, bad input, and another clinic's handout", async () => {
    await expect(createHandout(await actorFor(DEMO.ana), form())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createHandout(await actorFor(DEMO.admin), form())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getHandout(await actorFor(DEMO.admin), sunrise("handout:walker"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    // both languages are required, with at least one step; NUL refused
    await expect(createHandout(await actorFor(DEMO.peter), form({ title_es: "" }))).rejects.toMatchObject({ name: "ZodError" });
    await expect(createHandout(await actorFor(DEMO.peter), form({ steps_en: "\n \n" }))).rejects.toMatchObject({ name: "ZodError" });
    await expect(createHandout(await actorFor(DEMO.peter), form({ title_en: "Bad\u0000title" }))).rejects.toMatchObject({ name: "ZodError" });
    const theo = await actorFor(DEMO.theo);
    await expect(getHandout(theo, sunrise("handout:walker"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reviseHandout(theo, { handoutId: sunrise("handout:walker"), version: 2, ...form() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(archiveHandout(theo, { handoutId: sunrise("handout:walker"), archived: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an archived handout cannot be revised or linked until restored", async () => {
    const peter = await actorFor(DEMO.peter);
    const { id } = await createHandout(peter, form());
    await archiveHandout(peter, { handoutId: id, archived: true });
    await expect(reviseHandout(peter, { handoutId: id, version: 1, ...form() })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(linkHandout(peter, { handoutId: id, patientId: p02, target: `goal:${sunrise("goal:p02:0")}` })).rejects.toMatchObject({ code: "CONFLICT" });
    await archiveHandout(peter, { handoutId: id, archived: false });
    expect(await audited("handout.restore", id)).toBeTruthy();
  });
});

describe("handouts: link and unlink", () => {
  it("links to a patient's goal or delegation, refuses a duplicate and another patient's goal, unlinks (kept), audited", async () => {
    const peter = await actorFor(DEMO.peter);
    const { id } = await createHandout(peter, form());
    const goal = await linkHandout(peter, { handoutId: id, patientId: p02, target: `goal:${sunrise("goal:p02:0")}` });
    const del = await linkHandout(peter, { handoutId: id, patientId: p02, target: `delegation:${sunrise("delegation:p02:sam:balance_activities")}` });
    expect(await audited("handout.link", goal.id)).toMatchObject({ patientId: p02, detail: { handoutId: id } });
    await expect(linkHandout(peter, { handoutId: id, patientId: p02, target: `goal:${sunrise("goal:p02:0")}` })).rejects.toMatchObject({ code: "CONFLICT" });
    // p01's goal is not p02's
    await expect(linkHandout(peter, { handoutId: id, patientId: p02, target: `goal:${sunrise("goal:p01:0")}` })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(linkHandout(peter, { handoutId: id, patientId: p02, target: "goal:nope" })).rejects.toMatchObject({ name: "ZodError" });
    await expect(linkHandout(await actorFor(DEMO.ana), { handoutId: id, patientId: p02, target: `goal:${sunrise("goal:p02:0")}` })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(linkHandout(await actorFor(DEMO.theo), { handoutId: id, patientId: p02, target: `goal:${sunrise("goal:p02:0")}` })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(unlinkHandout(await actorFor(DEMO.theo), { linkId: del.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await unlinkHandout(peter, { linkId: del.id });
    const [row] = await getDb().select().from(handoutLinks).where(eq(handoutLinks.id, del.id));
    expect(row).toMatchObject({ unlinkedBy: peter.id });
    expect(row!.unlinkedAt).toBeInstanceOf(Date);
    await expect(unlinkHandout(peter, { linkId: del.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await audited("handout.unlink", del.id)).toMatchObject({ patientId: p02 });
    // linked again after unlinking: a new link
    expect((await linkHandout(peter, { handoutId: id, patientId: p02, target: `delegation:${sunrise("delegation:p02:sam:balance_activities")}` })).id).not.toBe(del.id);
  });

  it("lists the handouts linked to one patient now (the handouts page's ?patient=), scoped like the patient", async () => {
    const peter = await actorFor(DEMO.peter);
    const { id } = await createHandout(peter, form());
    const p03 = demo.patient("sunrise", "p03");
    const before = await handoutsForPatient(peter, p03);
    expect(before.patient).toMatchObject({ id: p03 });
    expect(before.items.map((h) => h.id)).toContain(sunrise("handout:buttons"));
    expect(before.items.map((h) => h.id)).not.toContain(id);
    const link = await linkHandout(peter, { handoutId: id, patientId: p03, target: `goal:${sunrise("goal:p03:0")}` });
    expect((await handoutsForPatient(peter, p03)).items.map((h) => h.id)).toContain(id);
    await unlinkHandout(peter, { linkId: link.id });
    expect((await handoutsForPatient(peter, p03)).items.map((h) => h.id)).not.toContain(id);
    await expect(handoutsForPatient(await actorFor(DEMO.theo), p03)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(handoutsForPatient(await actorFor(DEMO.admin), p03)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("education given with a handout", () => {
  const p01Appt = () => sunrise(`appt:p01:${today()}:08:00`);
  const walkerV2 = sunrise("handout:walker:v2");
  const entry = (education: Record<string, unknown>[]) => ({
    id: randomUUID(),
    appointmentId: p01Appt(),
    version: 0,
    tasks: [],
    goals: [],
    attitude: 4,
    attitudeTags: [],
    accomplishments: "",
    comfortAndNeeds: "",
    note: "",
    education,
  });
  const edu = (over: Record<string, unknown> = {}) => ({ topic: "Walker at home", audience: "family", method: "handout", understanding: "partial", language: "Spanish", handoutVersionId: walkerV2, ...over });

  it("refuses a handout not linked to the patient, another clinic's, a method other than handout, a language it lacks", async () => {
    const ana = await actorFor(DEMO.ana);
    // the button handout is linked to Lucía (p03), not to Maggie (p01)
    await expect(saveObservationDraft(ana, entry([edu({ handoutVersionId: sunrise("handout:buttons:v1") })]))).rejects.toMatchObject({ code: "FORBIDDEN", messageKey: "errors.handouts.notLinked" });
    await expect(saveObservationDraft(ana, entry([edu({ handoutVersionId: demoId("harbor:handout:walker:v1") })]))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveObservationDraft(ana, entry([edu({ handoutVersionId: randomUUID() })]))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveObservationDraft(ana, entry([edu({ method: "demonstration" })]))).rejects.toMatchObject({ name: "ZodError" });
    await expect(saveObservationDraft(ana, entry([edu({ handoutVersionId: "not-a-uuid" })]))).rejects.toMatchObject({ name: "ZodError" });
    await expect(saveObservationDraft(ana, entry([edu({ language: "French" })]))).rejects.toMatchObject({ code: "VALIDATION", messageKey: "errors.handouts.language" });
  });

  it("keeps the version and language given, whatever is published later; the therapist sees it on the patient", async () => {
    const ana = await actorFor(DEMO.ana);
    const peter = await actorFor(DEMO.peter);
    const [a] = await getDb().select().from(appointments).where(eq(appointments.id, p01Appt()));
    await recordAttendance(ana, { appointmentId: a!.id, attendance: "present", version: a!.version });
    const input = entry([edu(), { topic: "Breathing", audience: "patient", method: "verbal", understanding: "full", language: "English" }]);
    await submitObservation(ana, input);
    const rows = await getDb().select().from(educationGiven).where(eq(educationGiven.observationId, input.id)).orderBy(educationGiven.position);
    expect(rows.map((r) => [r.handoutVersionId, r.language, r.understanding])).toEqual([
      [walkerV2, "Spanish", "partial"],
      [null, "English", "full"],
    ]);
    await reviseHandout(peter, { handoutId: sunrise("handout:walker"), version: 2, ...form() });
    const [kept] = await getDb().select().from(educationGiven).where(and(eq(educationGiven.observationId, input.id), eq(educationGiven.position, 0)));
    expect(kept!.handoutVersionId).toBe(walkerV2);
    expect((await getDb().select().from(handoutVersions).where(eq(handoutVersions.id, walkerV2)))[0]!.version).toBe(2);

    const given = await handoutsGiven(peter, p01);
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ version: 2, language: "Spanish", understanding: "partial", audience: "family", aideName: "Ana Alvarez", status: "submitted" });
    expect(given[0]!.content.es.title).toBe("Caminar con seguridad en casa con su andadera");
    // the seeded record: Lucía's family, in Spanish
    expect(await handoutsGiven(peter, demo.patient("sunrise", "p03"))).toEqual([expect.objectContaining({ language: "Spanish", version: 1 })]);
    expect(await handoutsGiven(await actorFor(DEMO.sam), p01)).toEqual([]);
    await expect(handoutsGiven(await actorFor(DEMO.admin), p01)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await handoutsGiven(await actorFor(DEMO.theo), p01)).toEqual([]);

    // the therapist's review of the entry names the handout given: its version and both titles (one query)
    const review = await getEntryForReview(peter, input.id);
    expect(review.education.map((e) => e.handout && { id: e.handout.id, version: e.handout.version, es: e.handout.content.es.title })).toEqual([
      { id: sunrise("handout:walker"), version: 2, es: "Caminar con seguridad en casa con su andadera" },
      null,
    ]);
    // and so does the entry's note for the EMR (FHIR DocumentReference text and its PDF): title as given, version
    const details = await fhirEntryDetails(userPrincipal(peter), "DocumentReference", [input.id]);
    const row = { id: input.id, capturedByLabel: "Ana", signedByLabel: "Peter", startsAt: new Date(), signedAt: new Date(), attitude: null, attitudeTags: [], accomplishments: "", comfortAndNeeds: "", note: "" } as unknown as FhirEntryRow;
    const text = entryNoteText(row, details);
    expect(text).toContain('Education: Walker at home to family by handout in Spanish, understanding partial; handout "Caminar con seguridad en casa con su andadera" version 2');
    expect(text).toMatch(/Education: Breathing to patient by verbal in English, understanding full$/m);
  });
});
