import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Resource } from "@medplum/fhirtypes";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { fhirExportJobs, observations } from "@/db/schema";
import { fhirErrors } from "@/lib/testing/fhir-validator";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { userPrincipal } from "@/lib/testing/fhir";
import { runExport } from "./export/run-export";
import { startExport } from "./export/start-export";
import { jobFile } from "./export/storage";

beforeAll(async () => {
  process.env.FHIR_EXPORT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "tt-fhir-validate-"));
  await seedDemoOnce();
});

async function fullExport(email: string): Promise<Resource[]> {
  const p = userPrincipal(await actorFor(email));
  const { id } = await startExport(p, { query: new URLSearchParams(), requestUrl: "http://test/fhir/R4/Patient/$export" });
  await runExport(id);
  const [job] = await getDb().select().from(fhirExportJobs).where(eq(fhirExportJobs.id, id));
  expect(job?.status, job?.error ?? "").toBe("complete");
  return job!.output.flatMap((o) =>
    fs
      .readFileSync(jobFile(job!, o.file), "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Resource),
  );
}

describe("FHIR validation of the demo clinics' full export", () => {
  for (const [clinic, therapist] of [["Sunrise", DEMO.peter], ["Harbor", DEMO.theo]] as const) {
    it(`every resource of ${clinic}'s export validates against R4 and the US Core profiles it claims`, async () => {
      const resources = await fullExport(therapist);
      const types = new Set(resources.map((r) => r.resourceType));
      for (const t of ["Patient", "Practitioner", "PractitionerRole", "Encounter", "Observation", "Goal", "CarePlan", "Task", "Provenance", "DocumentReference"]) {
        expect(types, `${clinic} export has ${t}`).toContain(t);
      }
      const errors = resources.flatMap(fhirErrors);
      expect(errors.slice(0, 20)).toEqual([]);
      expect(resources.filter((r) => r.resourceType === "Patient").every((r) => r.meta?.profile?.includes("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"))).toBe(true);
    });
  }

  it("the validator fails a broken resource (so the checks above can fail)", async () => {
    const [patient] = (await fullExport(DEMO.theo)).filter((r) => r.resourceType === "Patient");
    const broken = { ...patient, gender: undefined, birthDate: "1990-13-40", nickname: "x" } as unknown as Resource;
    expect(fhirErrors(broken).join("\n")).toMatch(/gender[\s\S]*birthDate|birthDate[\s\S]*gender/);
    expect(fhirErrors({ ...patient, meta: { profile: ["http://example.org/not-loaded"] } } as Resource)).toHaveLength(1);
  });

  it("exports signed entries only: no draft, submitted or returned entry appears", async () => {
    const resources = await fullExport(DEMO.peter);
    const unsigned = await getDb().select({ id: observations.id, status: observations.status }).from(observations);
    const notSigned = new Set(unsigned.filter((o) => o.status !== "signed").map((o) => o.id));
    expect(notSigned.size).toBeGreaterThan(0);
    const docs = resources.filter((r) => r.resourceType === "DocumentReference" || r.resourceType === "Provenance");
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.filter((r) => notSigned.has(r.id!))).toEqual([]);
  });
});
