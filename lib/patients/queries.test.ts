import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo } from "@/db/seed";
import { auditEvents } from "@/db/schema";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { getPatient, listPatients } from "./queries";

beforeAll(seedDemoOnce);

describe("patient reads are scoped in the query", () => {
  it("another clinic's patient is not found, for every role", async () => {
    const harborPatient = demo.patient("harbor", "p01");
    for (const email of [DEMO.admin, DEMO.peter, DEMO.ana]) {
      const actor = await actorFor(email);
      await expect(getPatient(actor, harborPatient)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const lists = await Promise.all([DEMO.admin, DEMO.peter].map(async (e) => listPatients(await actorFor(e))));
    for (const list of lists) expect(list.map((p) => p.mrn).some((m) => m.startsWith("HR-"))).toBe(false);
  });

  it("an assistant sees only their caseload; a patient off it is not found", async () => {
    const ana = await actorFor(DEMO.ana);
    const list = await listPatients(ana);
    expect(list.map((p) => p.mrn).sort()).toEqual(["SR-1001", "SR-1002", "SR-1003", "SR-1005", "SR-1006", "SR-1009", "SR-1010"]);
    await expect(getPatient(ana, demo.patient("sunrise", "p04"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("admins see demographics without clinical content; therapists see precautions", async () => {
    const admin = await actorFor(DEMO.admin);
    const asAdmin = await getPatient(admin, demo.patient("sunrise", "p01"));
    expect(asAdmin.precautions).toBeNull();
    expect(asAdmin.dateOfBirth).toBe("1948-03-14");
    const peter = await actorFor(DEMO.peter);
    const asTherapist = await getPatient(peter, demo.patient("sunrise", "p01"));
    expect(asTherapist.precautions).toEqual(["Fall risk", "Hip precautions (posterior)"]);
  });

  it("opening a patient is audited with the patient id", async () => {
    const peter = await actorFor(DEMO.peter);
    const id = demo.patient("sunrise", "p02");
    await getPatient(peter, id);
    const rows = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, id), eq(auditEvents.action, "patient.view_clinical")));
    expect(rows[0]).toMatchObject({ actorId: peter.id, clinicId: peter.clinicId });
  });

  it("a malformed id is not found, not a database error", async () => {
    const peter = await actorFor(DEMO.peter);
    await expect(getPatient(peter, "1 or 1=1")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
