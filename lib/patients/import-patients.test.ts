import type { Patient } from "@medplum/fhirtypes";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo } from "@/db/seed";
import { auditEvents, clinics, patients, users } from "@/db/schema";
import { toActionError } from "@/lib/action-result";
import { readResource } from "@/lib/fhir/api";
import { translatorFor } from "@/lib/i18n/translate";
import { userPrincipal } from "@/lib/testing/fhir";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { importPatients, importReport } from "./import-patients";

const BASE = "https://tt.example/fhir/R4";
const DEMOGRAPHICS = ["mrn", "firstName", "lastName", "preferredName", "dateOfBirth", "preferredLanguage", "interpreterNeeded"] as const;
const pick = (p: Record<string, unknown>) => Object.fromEntries(DEMOGRAPHICS.map((k) => [k, p[k]]));

beforeAll(seedDemoOnce);

/** A new clinic with one admin and no patients (synthetic). */
async function emptyClinic() {
  const [c] = await getDb().insert(clinics).values({ name: "Empty Test Clinic", timeZone: "America/Chicago" }).returning();
  const email = `admin-${c!.id.slice(0, 8)}@empty.example`;
  await getDb().insert(users).values({ clinicId: c!.id, email, name: "Erin Empty", role: "admin", passwordHash: "not-a-login" });
  return { clinicId: c!.id, admin: await actorFor(email) };
}

const patientLine = (over: Record<string, unknown>) =>
  JSON.stringify({
    resourceType: "Patient",
    identifier: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] }, system: "urn:other-emr:mrn", value: "EX-1" }],
    name: [{ use: "official", family: "Synthia", given: ["Test"] }],
    birthDate: "1980-02-03",
    gender: "female",
    ...over,
  });

describe("patient import (FHIR)", () => {
  it("round trip: a patient exported as FHIR and imported into an empty clinic keeps the same demographics", async () => {
    const exported = (await readResource(userPrincipal(await actorFor(DEMO.peter)), BASE, "Patient", demo.patient("sunrise", "p01"))) as Patient;
    const { clinicId, admin } = await emptyClinic();
    const bundle = JSON.stringify({ resourceType: "Bundle", type: "collection", entry: [{ resource: exported }] });
    const res = await importPatients(admin, { fileName: "export.json", content: bundle });
    expect(res.counts).toEqual({ created: 1, updated: 0, unchanged: 0, refused: 0 });
    const [original] = await getDb().select().from(patients).where(eq(patients.id, demo.patient("sunrise", "p01")));
    const [copy] = await getDb().select().from(patients).where(eq(patients.clinicId, clinicId));
    expect(pick(copy!)).toEqual(pick(original!));
    // and the same file again changes nothing
    const again = await importPatients(admin, { fileName: "export.json", content: bundle });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 1, refused: 0 });
    const [same] = await getDb().select().from(patients).where(eq(patients.clinicId, clinicId));
    expect(same!.version).toBe(copy!.version);
  });

  it("NDJSON: keeps the good rows, refuses a bad row with its reason, updates on MRN match", async () => {
    const { clinicId, admin } = await emptyClinic();
    const file = [
      patientLine({}),
      patientLine({ identifier: [] }),
      "{not json",
      patientLine({ identifier: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] }, value: "EX-2" }], birthDate: "2999-01-01" }),
      JSON.stringify({ resourceType: "Observation", status: "final" }),
      patientLine({ identifier: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] }, value: "EX-3" }], communication: [{ language: { coding: [{ system: "urn:ietf:bcp:47", code: "es" }] }, preferred: true }] }),
    ].join("\n");
    const res = await importPatients(admin, { fileName: "p.ndjson", content: file });
    expect(res.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 4 });
    expect(res.rows.filter((r) => r.result === "refused").map((r) => r.row)).toEqual([2, 3, 4, 5]);
    // the reasons travel as catalog keys; what the admin reads is worded in her language
    const en = importReport(res, translatorFor("en")).rows;
    const es = importReport(res, translatorFor("es")).rows;
    expect(en[1]!.reason).toMatch(/^No MRN: an identifier of type MR/);
    expect(en[2]!.reason).toBe("This line is not JSON.");
    expect(en[3]!.reason).toMatch(/^Date of birth \(birthDate\): /);
    expect(en[4]!.reason).toBe("Not a Patient resource (Observation).");
    expect(es[1]!.reason).toMatch(/^Falta el MRN/);
    expect(es[3]!.reason).toMatch(/^Fecha de nacimiento \(birthDate\): /);
    for (const i of [1, 2, 3, 4]) {
      expect(es[i]!.reason).not.toBe(en[i]!.reason);
      // no key left unworded, the field's own (validation.*) message included
      expect(`${en[i]!.reason} ${es[i]!.reason}`).not.toMatch(/\b(fhirImport|validation)\.|\|\{/);
    }
    expect(en[0]).toEqual(res.rows[0]);
    const rows = await getDb().select().from(patients).where(eq(patients.clinicId, clinicId));
    expect(rows.map((r) => [r.mrn, r.preferredLanguage]).sort()).toEqual([["EX-1", "English"], ["EX-3", "Spanish"]]);
    const upd = await importPatients(admin, { content: patientLine({ name: [{ use: "official", family: "Synthia-Renamed", given: ["Test"] }] }) });
    expect(upd.counts.updated).toBe(1);
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "patient.import_update"), eq(auditEvents.clinicId, clinicId)));
    expect(ev?.detail).toMatchObject({ mrn: "EX-1", fields: ["lastName"] });
  });

  it("only admins import; empty and oversized files are refused with a reason", async () => {
    for (const email of [DEMO.peter, DEMO.ana]) {
      await expect(importPatients(await actorFor(email), { content: patientLine({}) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = await actorFor(DEMO.admin);
    // what the admin reads: the verb's zod issue, through the same mapping every server action uses
    const empty = toActionError(await importPatients(admin, { content: "" }).catch((e: unknown) => e), "importPatients", "en");
    expect(empty).toMatchObject({ code: "VALIDATION", fieldErrors: { content: [expect.stringMatching(/Choose a FHIR Bundle/)] } });
    const big = await importPatients(admin, { content: "x".repeat(900_001) }).catch((e: unknown) => e);
    expect(toActionError(big, "importPatients", "en").fieldErrors?.content?.[0]).toMatch(/900 kB/);
    expect(toActionError(big, "importPatients", "es").fieldErrors?.content?.[0]).not.toMatch(/^validation\./);
  });
});
