import type { Bundle, Observation, Patient } from "@medplum/fhirtypes";
import { and, eq, gt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { demo } from "@/db/seed";
import { appointments, auditEvents, goals } from "@/db/schema";
import { fhirGoalsPage } from "@/lib/care/fhir-queries";
import { userPrincipal } from "@/lib/testing/fhir";
import { fhirErrors } from "@/lib/testing/fhir-validator";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { everything, readResource, search } from "./api";
import { capabilityStatement } from "./capability";
import { fhirError } from "./respond";
import { importPatientsSchema } from "./schemas";
import type { Cursor, Page } from "./cursor";

const BASE = "https://tt.example/fhir/R4";
const as = async (email: string) => userPrincipal(await actorFor(email));
const q = (s: string) => new URLSearchParams(s);
const p01 = () => demo.patient("sunrise", "p01");

beforeAll(seedDemoOnce);

describe("FHIR read API", () => {
  it("a therapist reads a patient as US Core Patient; the read is audited with the patient", async () => {
    const peter = await as(DEMO.peter);
    const p = (await readResource(peter, BASE, "Patient", p01())) as Patient;
    expect(p.identifier?.[0]).toMatchObject({ value: "SR-1001", type: { coding: [{ code: "MR" }] } });
    expect(p.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.actorId, peter.id), eq(auditEvents.action, "fhir.read")));
    expect(ev).toMatchObject({ patientId: p01(), entity: "Patient" });
  });

  it("searches Observation by patient and date with _count paging and next links", async () => {
    const peter = await as(DEMO.peter);
    const all = await search(peter, BASE, "Observation", q(`patient=${p01()}&_count=200`));
    expect(all.entry?.length).toBeGreaterThan(3);
    const first = await search(peter, BASE, "Observation", q(`patient=Patient/${p01()}&_count=2`));
    const next = first.link?.find((l) => l.relation === "next")?.url;
    expect(next).toContain("_cursor=");
    const second = await search(peter, BASE, "Observation", new URL(next!).searchParams);
    const ids = (b: Bundle) => b.entry!.map((e) => e.resource!.id);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
    const dates = all.entry!.map((e) => (e.resource as Observation).effectiveDateTime!.slice(0, 10)).sort();
    const day = dates[Math.floor(dates.length / 2)]!;
    const onOrAfter = await search(peter, BASE, "Observation", q(`patient=${p01()}&date=ge${day}&date=lt2100-01-01&_count=200`));
    expect(onOrAfter.entry!.length).toBeGreaterThan(0);
    expect(onOrAfter.entry!.length).toBeLessThan(all.entry!.length);
    for (const b of [all, first, second]) expect(b.entry!.flatMap((e) => fhirErrors(e.resource!))).toEqual([]);
  });

  it("answers malformed search parameters with VALIDATION (400)", async () => {
    const peter = await as(DEMO.peter);
    for (const bad of ["date=2026-13-01", "date=yesterday", "_count=0", "_count=5000", "_cursor=abc", "patient=not-an-id", "color=blue", `patient=${p01()}&patient=${p01()}`]) {
      await expect(search(peter, BASE, "Observation", q(bad)), bad).rejects.toMatchObject({ code: "VALIDATION" });
    }
    await expect(search(peter, BASE, "Goal", q("date=2026-01-01"))).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("answers a schema refusal in words, not the catalog key the schema carries", async () => {
    const parsed = importPatientsSchema.safeParse({ content: "" });
    expect(parsed.success).toBe(false);
    const res = await fhirError(parsed.error, null, "test");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issue: { diagnostics: string }[] };
    expect(body.issue[0]!.diagnostics).toBe("content: Choose a FHIR Bundle (.json) or NDJSON file of Patient resources.");
  });

  it("another clinic's or an unknown id is NOT_FOUND (404); a malformed id too", async () => {
    const peter = await as(DEMO.peter);
    await expect(readResource(peter, BASE, "Patient", demo.patient("harbor", "p01"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readResource(peter, BASE, "Patient", "3f1d2c4b-0000-4000-8000-00000000beef")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readResource(peter, BASE, "Patient", "../../etc")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(search(peter, BASE, "Encounter", q(`patient=${demo.patient("harbor", "p01")}`))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(everything(peter, BASE, demo.patient("harbor", "p01"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readResource(peter, BASE, "Practitioner", demo.user("harbor", "theo"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads the Encounter and Goal that resources reference, in the caller's clinic only; unattended appointments are no Encounter", async () => {
    const peter = await as(DEMO.peter);
    const obs = (await search(peter, BASE, "Observation", q(`patient=${p01()}&_count=1`))).entry![0]!.resource as Observation;
    const encounterId = obs.encounter!.reference!.replace("Encounter/", "");
    const [firstGoal] = await getDb().select({ id: goals.id }).from(goals).where(eq(goals.patientId, p01())).limit(1);
    const goalId = obs.focus?.[0]?.reference?.replace("Goal/", "") ?? firstGoal!.id;
    const enc = await readResource(peter, BASE, "Encounter", encounterId);
    expect(enc).toMatchObject({ resourceType: "Encounter", id: encounterId, subject: { reference: `Patient/${p01()}` } });
    expect(fhirErrors(enc)).toEqual([]);
    const goal = await readResource(peter, BASE, "Goal", goalId);
    expect(goal).toMatchObject({ resourceType: "Goal", id: goalId, subject: { reference: `Patient/${p01()}` } });
    expect(fhirErrors(goal)).toEqual([]);
    const [ev] = await getDb().select().from(auditEvents).where(and(eq(auditEvents.actorId, peter.id), eq(auditEvents.action, "fhir.read"), eq(auditEvents.entity, "Encounter")));
    expect(ev).toMatchObject({ patientId: p01(), entityId: encounterId });
    // another clinic's, by a therapist of the other clinic; a future (unattended) appointment
    const theo = await as(DEMO.theo);
    await expect(readResource(theo, BASE, "Encounter", encounterId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readResource(theo, BASE, "Goal", goalId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [future] = await getDb().select({ id: appointments.id }).from(appointments).where(and(eq(appointments.patientId, p01()), gt(appointments.startsAt, new Date(Date.now() + 86_400_000)))).limit(1);
    await expect(readResource(peter, BASE, "Encounter", future!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // an admin reads Encounters (no clinical content) but not Goals; an assistant neither
    expect(await readResource(await as(DEMO.admin), BASE, "Encounter", encounterId)).toMatchObject({ resourceType: "Encounter" });
    await expect(readResource(await as(DEMO.admin), BASE, "Goal", goalId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(readResource(await as(DEMO.ana), BASE, "Encounter", encounterId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("admins see Patient, Practitioner and Encounter, never clinical content; assistants nothing", async () => {
    const admin = await as(DEMO.admin);
    expect(await readResource(admin, BASE, "Patient", p01())).toMatchObject({ resourceType: "Patient" });
    expect((await search(admin, BASE, "Encounter", q(`patient=${p01()}`))).entry!.length).toBeGreaterThan(0);
    for (const t of ["Observation", "Goal"] as const) await expect(search(admin, BASE, t, q(""))).rejects.toMatchObject({ code: "FORBIDDEN" });
    const types = new Set((await everything(admin, BASE, p01())).entry!.map((e) => e.resource!.resourceType));
    expect([...types].sort()).toEqual(["Encounter", "Patient", "Practitioner"]);
    const ana = await as(DEMO.ana);
    await expect(readResource(ana, BASE, "Patient", p01())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(search(ana, BASE, "Encounter", q(""))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("$everything for a therapist holds the chart: signed entries' Observations, Provenance, DocumentReference, goals, plan", async () => {
    const b = await everything(await as(DEMO.peter), BASE, p01());
    const types = new Set(b.entry!.map((e) => e.resource!.resourceType));
    for (const t of ["Patient", "Encounter", "Observation", "Goal", "CarePlan", "Task", "Provenance", "DocumentReference", "Practitioner"]) expect(types).toContain(t);
    expect(b.entry!.flatMap((e) => fhirErrors(e.resource!))).toEqual([]);
  });

  it("pages rows that share a timestamp to the microsecond across page boundaries, each exactly once", async () => {
    const peter = await as(DEMO.peter);
    const at = "2026-01-02 03:04:05.123456+00";
    const ids = Array.from({ length: 7 }, () => crypto.randomUUID());
    for (const id of ids) {
      await getDb().insert(goals).values({ id, clinicId: demo.clinic("sunrise"), patientId: p01(), therapistId: peter.id, description: "Paging probe", unit: "ft", createdAt: sql`${at}::timestamptz` as unknown as Date });
    }
    const seen: string[] = [];
    let after: Cursor | null = null;
    do {
      const page: Page<{ id: string }> = await fhirGoalsPage(peter, { patientId: p01(), after, limit: 2 });
      seen.push(...page.rows.map((r) => r.id));
      after = page.next;
    } while (after && seen.length < 1000);
    expect(seen.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("the CapabilityStatement is valid FHIR and lists what the API serves", () => {
    const cs = capabilityStatement(BASE);
    expect(fhirErrors(cs)).toEqual([]);
    const patient = cs.rest![0]!.resource!.find((r) => r.type === "Patient")!;
    expect(patient.interaction!.map((i) => i.code)).toEqual(["read"]);
    expect(patient.operation!.map((o) => o.name)).toEqual(["everything", "export"]);
    const reads = cs.rest![0]!.resource!.filter((r) => r.interaction?.some((i) => i.code === "read")).map((r) => r.type);
    expect(reads.sort()).toEqual(["Encounter", "Goal", "Patient", "Practitioner"]);
  });
});
