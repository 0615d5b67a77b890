import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, patients } from "@/db/schema";
import { demo } from "@/db/seed";
import { getPatientForEdit } from "@/lib/patients/queries";
import { updatePatient } from "@/lib/patients/update-patient";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { NUL_MESSAGE } from "@/lib/validation";
import { setPrecautions } from "./set-precautions";

beforeAll(seedDemoOnce);

const p02 = demo.patient("sunrise", "p02");
const row = async (id: string) => (await getDb().select({ precautions: patients.precautions, version: patients.version }).from(patients).where(eq(patients.id, id)))[0]!;

describe("setPrecautions: clinical content is the therapist's (DESIGN rule 8)", () => {
  it("a therapist replaces the precautions, version-checked and audited without the text", async () => {
    const peter = await actorFor(DEMO.peter);
    const { version } = await row(p02);
    const r = await setPrecautions(peter, { patientId: p02, version, precautions: "Weight bearing as tolerated, left leg\n\n  Fall risk " });
    expect(r.version).toBe(version + 1);
    expect((await row(p02)).precautions).toEqual(["Weight bearing as tolerated, left leg", "Fall risk"]);
    await expect(setPrecautions(peter, { patientId: p02, version, precautions: "x" })).rejects.toMatchObject({ code: "CONFLICT" });
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "patient.precautions"), eq(auditEvents.patientId, p02))).orderBy(desc(auditEvents.id)).limit(1);
    expect(ev).toMatchObject({ actorId: peter.id, detail: { count: 2 } });
    expect(JSON.stringify(ev?.detail)).not.toContain("Fall risk");
  });

  it("refuses admins and assistants, another clinic's patient, and NUL", async () => {
    const { version } = await row(p02);
    await expect(setPrecautions(await actorFor(DEMO.admin), { patientId: p02, version, precautions: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setPrecautions(await actorFor(DEMO.ana), { patientId: p02, version, precautions: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setPrecautions(await actorFor(DEMO.theo), { patientId: p02, version, precautions: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setPrecautions(await actorFor(DEMO.peter), { patientId: p02, version, precautions: "Fall\u0000risk" })).rejects.toMatchObject({
      name: "ZodError",
      issues: [expect.objectContaining({ message: NUL_MESSAGE })],
    });
    expect((await row(p02)).version).toBe(version);
  });

  it("the admin's edit form neither reads nor overwrites them", async () => {
    const admin = await actorFor(DEMO.admin);
    const { patient } = await getPatientForEdit(admin, p02);
    expect(patient).not.toHaveProperty("precautions");
    const before = await row(p02);
    await updatePatient(admin, {
      ...patient,
      preferredName: "Desh",
      primaryTherapistId: patient.primaryTherapistId ?? "",
      patientId: p02,
      version: patient.version,
      precautions: ["overwritten by admin"],
    });
    expect((await row(p02)).precautions).toEqual(before.precautions);
  });
});
