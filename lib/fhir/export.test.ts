import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Resource } from "@medplum/fhirtypes";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { demo } from "@/db/seed";
import { auditEvents, fhirExportJobs, patients } from "@/db/schema";
import { userPrincipal } from "@/lib/testing/fhir";
import { actorFor, DEMO, seedDemoOnce } from "@/lib/testing/fixtures";
import { manifest } from "./export/manifest";
import { requeueStalledExport, runExport } from "./export/run-export";
import { startExport } from "./export/start-export";
import { cancelExport, loadExportJob, openExportFile, sweepExpiredExports } from "./export/status";
import { attemptDir, jobDir } from "./export/storage";
import type { FhirPrincipal } from "./principal";

/** Holds the export's next page read until released, so a test can change the job in between (a race made certain). */
let gate: { reached: () => void; until: Promise<void> } | null = null;
vi.mock("./source", async (original) => {
  const m = await original<typeof import("./source")>();
  return {
    ...m,
    readPage: async (...args: Parameters<typeof m.readPage>) => {
      const g = gate;
      if (g) {
        gate = null;
        g.reached();
        await g.until;
      }
      return m.readPage(...args);
    },
  };
});
function pauseNextPage() {
  let reached!: () => void;
  let release!: () => void;
  const r = new Promise<void>((res) => (reached = res));
  gate = { reached, until: new Promise<void>((res) => (release = res)) };
  return { reached: r, release };
}

beforeAll(async () => {
  process.env.FHIR_EXPORT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "tt-fhir-export-"));
  await seedDemoOnce();
});

const as = async (email: string) => userPrincipal(await actorFor(email));
const url = "https://tt.example/fhir/R4/Patient/$export";

async function exportNow(p: FhirPrincipal, query: string, groupId?: string) {
  const { id } = await startExport(p, { query: new URLSearchParams(query), requestUrl: url, groupId });
  await runExport(id);
  return loadExportJob(p, id);
}

async function lines(p: FhirPrincipal, jobId: string, file: string): Promise<Resource[]> {
  const text = await new Response(await openExportFile(p, jobId, file)).text();
  return text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Resource);
}

describe("Bulk Data $export", () => {
  it("writes one NDJSON file per type with a manifest; _type narrows it; audited per exported patient", async () => {
    const peter = await as(DEMO.peter);
    const job = await exportNow(peter, "_type=Patient,Encounter");
    expect(job.status).toBe("complete");
    expect(job.output.map((o) => o.type)).toEqual(["Patient", "Encounter"]);
    const m = manifest(job, "https://tt.example/fhir/R4");
    expect(m).toMatchObject({ requiresAccessToken: true, output: [{ type: "Patient", url: `https://tt.example/fhir/R4/bulk-files/${job.id}/Patient.ndjson` }, { type: "Encounter" }] });
    const pts = await lines(peter, job.id, "Patient.ndjson");
    const n = (await getDb().select().from(patients).where(eq(patients.clinicId, demo.clinic("sunrise")))).length;
    expect(pts).toHaveLength(n);
    expect(job.output[0]!.count).toBe(n);
    const audited = await getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "fhir.export"), eq(auditEvents.entityId, job.id)));
    expect(new Set(audited.map((a) => a.patientId)).size).toBe(n);
  });

  it("_since keeps only what changed since; a Group is one therapist's patients", async () => {
    const peter = await as(DEMO.peter);
    // after every write so far (the seed of this file may have run within the last second), not "a second ago"
    const [row] = await getDb().select({ latest: sql<string | Date>`max(${patients.updatedAt})` }).from(patients);
    const before = new Date(new Date(row!.latest).getTime() + 1);
    await getDb().update(patients).set({ updatedAt: new Date(before.getTime() + 1000) }).where(eq(patients.id, demo.patient("sunrise", "p02")));
    const job = await exportNow(peter, `_type=Patient&_since=${before.toISOString()}`);
    expect((await lines(peter, job.id, "Patient.ndjson")).map((r) => r.id)).toEqual([demo.patient("sunrise", "p02")]);
    const group = await exportNow(peter, "_type=Patient", demo.user("sunrise", "peter"));
    const mine = await getDb().select({ id: patients.id }).from(patients).where(eq(patients.primaryTherapistId, demo.user("sunrise", "peter")));
    expect((await lines(peter, group.id, "Patient.ndjson")).map((r) => r.id).sort()).toEqual(mine.map((r) => r.id).sort());
    await expect(startExport(peter, { query: new URLSearchParams(), requestUrl: url, groupId: demo.user("harbor", "theo") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses bad parameters (400), clinical types for admins (403), assistants (403), other requesters' jobs (404)", async () => {
    const peter = await as(DEMO.peter);
    for (const bad of ["_type=Medication", "_type=", "_since=yesterday", "_outputFormat=text/csv", "_elements=id"]) {
      await expect(startExport(peter, { query: new URLSearchParams(bad), requestUrl: url }), bad).rejects.toMatchObject({ code: "VALIDATION" });
    }
    const admin = await as(DEMO.admin);
    await expect(startExport(admin, { query: new URLSearchParams("_type=Observation"), requestUrl: url })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const adminJob = await exportNow(admin, "");
    expect(adminJob.output.map((o) => o.type).sort()).toEqual(["Encounter", "Patient", "Practitioner", "PractitionerRole"]);
    await expect(startExport(await as(DEMO.ana), { query: new URLSearchParams(), requestUrl: url })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(loadExportJob(await as(DEMO.olivia), adminJob.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadExportJob(await as(DEMO.theo), adminJob.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openExportFile(admin, adminJob.id, "../../etc/passwd")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a cancelled job and an expired one lose their files", async () => {
    const peter = await as(DEMO.peter);
    const job = await exportNow(peter, "_type=Patient");
    expect(fs.existsSync(jobDir(job.id))).toBe(true);
    await cancelExport(peter, job.id);
    expect(fs.existsSync(jobDir(job.id))).toBe(false);
    await expect(loadExportJob(peter, job.id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const old = await exportNow(peter, "_type=Patient");
    expect(await sweepExpiredExports(new Date(Date.now() + 48 * 3_600_000))).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(jobDir(old.id))).toBe(false);
    const [row] = await getDb().select().from(fhirExportJobs).where(eq(fhirExportJobs.id, old.id));
    expect(row?.status).toBe("expired");
  });

  it("an export started by a user who is deactivated before it runs fails without files", async () => {
    const olivia = await as(DEMO.olivia);
    const { id } = await startExport(olivia, { query: new URLSearchParams("_type=Patient"), requestUrl: url });
    const { users } = await import("@/db/schema");
    await getDb().update(users).set({ active: false }).where(eq(users.id, olivia.id));
    await runExport(id);
    const [row] = await getDb().select().from(fhirExportJobs).where(eq(fhirExportJobs.id, id));
    expect(row).toMatchObject({ status: "failed", output: [] });
    expect(fs.existsSync(jobDir(id))).toBe(false);
    await getDb().update(users).set({ active: true }).where(eq(users.id, olivia.id));
  });

  it("a job whose instance died is taken over at the next poll; a live one is not; only the holder's files count", async () => {
    const peter = await as(DEMO.peter);
    const db = getDb();
    // an instance claimed the job, wrote part of a file and died: its lease is 10 minutes old
    const { id } = await startExport(peter, { query: new URLSearchParams("_type=Patient"), requestUrl: url });
    const dead = "00000000-0000-4000-8000-00000000dead";
    await db.update(fhirExportJobs).set({ status: "running", runner: dead, heartbeatAt: sql`now() - interval '10 minutes'`, startedAt: sql`now() - interval '11 minutes'` }).where(eq(fhirExportJobs.id, id));
    fs.mkdirSync(attemptDir(id, dead), { recursive: true });
    fs.writeFileSync(`${attemptDir(id, dead)}/Patient.ndjson`, '{"resourceType":"Patient","id":"half-writ');
    expect((await loadExportJob(peter, id)).status).toBe("running");

    expect(await requeueStalledExport(id)).toBe(true);
    expect(await requeueStalledExport(id)).toBe(false); // a second poll at once does not take it again
    await Promise.all([runExport(id), runExport(id)]); // two instances run it: one claims, the other returns
    const job = await loadExportJob(peter, id);
    expect(job).toMatchObject({ status: "complete" });
    expect(job.runner).not.toBe(dead);
    const pts = await lines(peter, id, "Patient.ndjson");
    const n = (await db.select().from(patients).where(eq(patients.clinicId, demo.clinic("sunrise")))).length;
    expect(pts).toHaveLength(n);
    expect(fs.readdirSync(jobDir(id))).toEqual([job.runner]); // the dead attempt's half file is gone
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "fhir.export"), eq(auditEvents.entityId, id)));
    expect(new Set(audited.map((a) => a.patientId)).size).toBe(n);

    // a running job that renewed its lease just now, a complete one, a fresh queued one: left alone
    const live = await startExport(peter, { query: new URLSearchParams("_type=Patient"), requestUrl: url });
    expect(await requeueStalledExport(live.id)).toBe(false);
    await db.update(fhirExportJobs).set({ status: "running", runner: dead, heartbeatAt: sql`now()` }).where(eq(fhirExportJobs.id, live.id));
    expect(await requeueStalledExport(live.id)).toBe(false);
    expect(await requeueStalledExport(id)).toBe(false);
    // a queued job never claimed (its instance died before it ran) is taken after the lease
    await db.update(fhirExportJobs).set({ status: "queued", runner: null, heartbeatAt: null, createdAt: sql`now() - interval '10 minutes'` }).where(eq(fhirExportJobs.id, live.id));
    expect(await requeueStalledExport(live.id)).toBe(true);
  });

  it("an attempt that loses its job mid-way (taken over, or cancelled) stops, keeps the holder's state and removes only its own files", async () => {
    const peter = await as(DEMO.peter);
    const db = getDb();
    for (const how of ["taken over", "cancelled"] as const) {
      const { id } = await startExport(peter, { query: new URLSearchParams("_type=Patient,Goal"), requestUrl: url });
      const paused = pauseNextPage();
      const run = runExport(id);
      await paused.reached; // the attempt holds the job and is about to read its first page
      const [held] = await db.select().from(fhirExportJobs).where(eq(fhirExportJobs.id, id));
      const other = "00000000-0000-4000-8000-0000000000ff";
      if (how === "taken over") await db.update(fhirExportJobs).set({ runner: other, heartbeatAt: sql`now()` }).where(eq(fhirExportJobs.id, id));
      else await cancelExport(peter, id);
      paused.release();
      await run;
      const [row] = await db.select().from(fhirExportJobs).where(eq(fhirExportJobs.id, id));
      if (how === "taken over") expect(row, how).toMatchObject({ status: "running", runner: other, output: [] });
      else expect(row, how).toMatchObject({ status: "cancelled", output: [] });
      expect(fs.existsSync(attemptDir(id, held!.runner!)), how).toBe(false);
      const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "fhir.export"), eq(auditEvents.entityId, id)));
      expect(audited, how).toEqual([]);
    }
  });
});
