import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { appointments, auditEvents, patients } from "@/db/schema";
import { demo } from "@/db/seed";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { sql } from "drizzle-orm";
import { createPatient } from "./create-patient";
import { dischargePatient } from "./discharge-patient";
import { searchPatients } from "./queries";
import { updatePatient } from "./update-patient";

beforeAll(seedDemoOnce);

const newPatient = (over: Record<string, unknown> = {}) => ({
  mrn: "SR-9001",
  firstName: "Ingrid",
  lastName: "Exemplar",
  preferredName: "",
  dateOfBirth: "1970-01-15",
  preferredLanguage: "Swedish",
  interpreterNeeded: true,
  precautions: "Fall risk\n\nLow vision",
  primaryTherapistId: demo.user("sunrise", "olivia"),
  ...over,
});
const lastAudit = async (action: string) => (await getDb().select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(desc(auditEvents.id)).limit(1))[0];

describe("createPatient / updatePatient", () => {
  it("creates with MRN unique per clinic, edits with a version, audits field names only", async () => {
    const admin = await actorFor(DEMO.admin);
    const { id } = await createPatient(admin, newPatient());
    const [p] = await getDb().select().from(patients).where(eq(patients.id, id));
    // precautions are clinical content: the admin's form does not carry them (a therapist sets them)
    expect(p).toMatchObject({ clinicId: admin.clinicId, precautions: [], preferredName: null, status: "active" });
    expect(await lastAudit("patient.create")).toMatchObject({ patientId: id, actorId: admin.id });
    await expect(createPatient(admin, newPatient({ firstName: "Other" }))).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { mrn: [expect.any(String)] } });
    // the same MRN in another clinic is fine
    await expect(createPatient(await actorFor(DEMO.harborAdmin), newPatient({ primaryTherapistId: "" }))).resolves.toHaveProperty("id");

    const { version } = await updatePatient(admin, { ...newPatient({ preferredName: "Inga" }), patientId: id, version: 1 });
    expect(version).toBe(2);
    await expect(updatePatient(admin, { ...newPatient(), patientId: id, version: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updatePatient(admin, { ...newPatient({ mrn: "SR-1001" }), patientId: id, version: 2 })).rejects.toMatchObject({ fieldErrors: { mrn: [expect.any(String)] } });
    const ev = await lastAudit("patient.update");
    expect(ev?.detail).toMatchObject({ fields: expect.arrayContaining(["preferredName"]) });
    expect(JSON.stringify(ev?.detail)).not.toContain("Inga");
  });

  it("rejects non-admins, another clinic's patient and therapist, and bad input", async () => {
    const admin = await actorFor(DEMO.admin);
    await expect(createPatient(await actorFor(DEMO.olivia), newPatient({ mrn: "SR-9002" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createPatient(await actorFor(DEMO.ana), newPatient({ mrn: "SR-9002" }))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updatePatient(admin, { ...newPatient({ mrn: "X-1" }), patientId: demo.patient("harbor", "p01"), version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createPatient(admin, newPatient({ mrn: "SR-9003", primaryTherapistId: demo.user("harbor", "theo") }))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createPatient(admin, newPatient({ mrn: "", dateOfBirth: "2999-01-01" }))).rejects.toMatchObject({ name: "ZodError" });
  });
});

describe("dischargePatient", () => {
  it("discharges instead of deleting, cancels future appointments, and audits", async () => {
    const admin = await actorFor(DEMO.admin);
    const segun = demo.patient("sunrise", "p12");
    const [p] = await getDb().select().from(patients).where(eq(patients.id, segun));
    const res = await dischargePatient(admin, { patientId: segun, version: p!.version });
    expect(res.appointmentsCancelled).toBeGreaterThan(0);
    const [after] = await getDb().select().from(patients).where(eq(patients.id, segun));
    expect(after).toMatchObject({ status: "discharged" });
    const future = await getDb().select().from(appointments).where(eq(appointments.patientId, segun));
    expect(future.filter((a) => a.startsAt > new Date() && a.status !== "cancelled")).toEqual([]);
    expect(await lastAudit("patient.discharge")).toMatchObject({ patientId: segun });
    await expect(dischargePatient(admin, { patientId: segun, version: res.version })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(dischargePatient(await actorFor(DEMO.harborAdmin), { patientId: demo.patient("sunrise", "p11"), version: 1 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(dischargePatient(await actorFor(DEMO.peter), { patientId: demo.patient("sunrise", "p11"), version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("searchPatients", () => {
  it("finds by name or MRN and pages through thousands with a keyset cursor, using the trigram index", async () => {
    const admin = await actorFor(DEMO.admin);
    await getDb().execute(sql`
      insert into patients (clinic_id, mrn, first_name, last_name, date_of_birth)
      select ${admin.clinicId}::uuid, 'BULK-' || g, 'Bulk' || g, 'Zz' || lpad(g::text, 5, '0'), '1980-01-01'
      from generate_series(1, 3000) g`);
    expect((await searchPatients(admin, { q: "sr-1003" })).items.map((p) => p.fullName)).toEqual(["Lucía Demoreyes"]);
    expect((await searchPatients(admin, { q: "maggie" })).items.map((p) => p.mrn)).toEqual(["SR-1001"]);
    expect((await searchPatients(admin, { q: "100%" })).items).toEqual([]);
    let after: string | null = null;
    const seen = new Set<string>();
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof searchPatients>> = await searchPatients(admin, { q: "bulk", after, limit: 100 });
      page.items.forEach((p) => seen.add(p.id));
      after = page.next;
      pages++;
    } while (after && pages < 50);
    expect(seen.size).toBe(3000);
    expect(pages).toBe(30);
    // assistants still see only their caseload; admins get no precautions
    const ana = await actorFor(DEMO.ana);
    expect((await searchPatients(ana, { q: "bulk" })).items).toEqual([]);
    expect((await searchPatients(admin, { q: "maggie" })).items[0]?.precautions).toBeNull();
    // a forged cursor is refused before it reaches SQL (no "invalid input syntax for type uuid")
    const forged = Buffer.from(JSON.stringify(["a", "b", "not-a-uuid"])).toString("base64url");
    await expect(searchPatients(admin, { after: forged })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(searchPatients(admin, { after: "%00" })).rejects.toMatchObject({ code: "VALIDATION" });
    // a NUL in the query text is stripped (PostgreSQL cannot hold it), not sent
    expect((await searchPatients(admin, { q: "mag\u0000gie" })).items.map((p) => p.mrn)).toEqual(["SR-1001"]);
    // the search expression matches the index (the planner may still prefer a scan on tiny tables)
    const plan = await getDb().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<{ "QUERY PLAN": string }>(
        tx,
        sql`explain select id from patients where lower(first_name || ' ' || last_name || ' ' || coalesce(preferred_name, '') || ' ' || mrn) like '%zz02999%'`,
      );
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("patients_search_trgm");
  });
});
