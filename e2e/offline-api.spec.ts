import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { DeviceKeyResponse, OutboxMutation, OutboxResponse, WorkingSet } from "../lib/offline/protocol";
import { ACCOUNTS, signIn, signOut } from "./fixtures";

/**
 * The offline endpoints through the real server, session and proxy: device key, working set (ETag →
 * 304), outbox (applied, then the same batch again: duplicates, nothing doubled), malformed and
 * oversized batches, other roles, and a signed-out tablet (401, so it keeps its outbox). The API
 * checks run in one project (they share the demo database with the others); the verbal-report and
 * concern UI runs in each, on its own patient.
 */
const post = (req: APIRequestContext, base: string, data: unknown) =>
  req.post("/api/outbox", { headers: { origin: base, "content-type": "application/json" }, data: JSON.stringify(data) });

test("device key, working set with 304, outbox replay; 400, 413, 403 and 401", async ({ page, baseURL }, info) => {
  test.skip(info.project.name !== "tablet-portrait", "API checks run once");
  const base = baseURL!;
  await signIn(page, ACCOUNTS.ana);
  // Today (the tablet app) pulls its working set as it opens, and the first pull of the day creates
  // the rooms' preps: wait for it, so the two pulls below see one state
  await expect(page.getByText("All saved")).toBeVisible();
  const req = page.request;

  const keyRes = await req.get("/api/device-key");
  expect(keyRes.status()).toBe(200);
  expect(keyRes.headers()["cache-control"]).toContain("no-store");
  const key = (await keyRes.json()) as DeviceKeyResponse;
  expect(Buffer.from(key.key, "base64url")).toHaveLength(32);
  expect(((await (await req.get("/api/device-key")).json()) as DeviceKeyResponse).key).toBe(key.key);

  const wsRes = await req.get("/api/working-set");
  expect(wsRes.status()).toBe(200);
  const etag = wsRes.headers()["etag"]!;
  expect(etag).toMatch(/^".+"$/);
  const text = await wsRes.text();
  for (const hidden of ["SR-1001", "SR-1004", "Fakenham", "HR-2001", "1948-03-14"]) expect(text).not.toContain(hidden);
  const set = JSON.parse(text) as WorkingSet;
  // "nothing changed" answers 304; specs running beside this one may change Ana's day between two pulls,
  // and then the answer must be a full set under a different tag (a changed set changes its tag)
  let tag = etag;
  let notModified = false;
  for (let i = 0; i < 5 && !notModified; i++) {
    const again = await req.get("/api/working-set", { headers: { "if-none-match": tag } });
    if (again.status() === 304) notModified = true;
    else {
      expect(again.status()).toBe(200);
      expect(again.headers()["etag"]).not.toBe(tag);
      tag = again.headers()["etag"]!;
    }
  }
  expect(notModified).toBe(true);

  const appointment = set.appointments.find((a) => a.day === set.days.today && a.status === "scheduled")!;
  const supply = set.supplies[0]!;
  const concernText = `Offline API check ${randomUUID().slice(0, 8)}: bruise on the left arm`;
  const batch: { mutations: OutboxMutation[] } = {
    mutations: [
      { id: randomUUID(), kind: "concern.raise", createdAt: new Date().toISOString(), payload: { id: randomUUID(), patientId: appointment.patientId, appointmentId: appointment.id, kind: "other", text: concernText } },
      { id: randomUUID(), kind: "supply.move", createdAt: new Date().toISOString(), payload: { id: randomUUID(), supplyId: supply.id, kind: "restock", quantity: 1 } },
      { id: randomUUID(), kind: "verbal_report.log", createdAt: new Date().toISOString(), payload: { id: randomUUID(), appointmentId: appointment.id, therapistId: appointment.therapistId, summary: "Told them about the bruise" } },
      { id: randomUUID(), kind: "room_prep.complete", createdAt: new Date().toISOString(), payload: { prepId: randomUUID() } },
    ],
  };
  const first = await post(req, base, batch);
  expect(first.status()).toBe(200);
  const answers = (await first.json()) as OutboxResponse;
  expect(answers.results.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", "refused"]);
  expect(answers.results[3]).toMatchObject({ code: "NOT_FOUND" });
  const again = (await (await post(req, base, batch)).json()) as OutboxResponse;
  expect(again.results.map((r) => r.outcome)).toEqual(["duplicate", "duplicate", "duplicate", "duplicate"]);
  expect(again.results[1]!.data).toEqual(answers.results[1]!.data);
  const after = (await (await req.get("/api/working-set")).json()) as WorkingSet;
  expect(after.supplies.find((s) => s.id === supply.id)!.onHand).toBe(supply.onHand + 1);

  // hostile input: never a 5xx; a bad envelope is a 400, a bad payload that mutation's refusal
  const m = (payload: unknown, kind = "concern.raise") => ({ id: randomUUID(), kind, createdAt: new Date().toISOString(), payload });
  for (const body of [null, [], "x", { mutations: [m({ __proto__: { admin: true } })] }, { mutations: [m({ text: "\u0000", kind: "other" })] }, { mutations: [m({ quantity: 1e308 }, "supply.move")] }, { mutations: Array.from({ length: 100 }, () => m({ id: "' OR 1=1 --" }, "attendance.undo")) }, { mutations: [m(JSON.parse("[".repeat(2000) + "]".repeat(2000)))] }]) {
    const res = await post(req, base, body);
    expect(res.status(), JSON.stringify(body).slice(0, 60)).toBeLessThan(500);
    if (res.status() === 200) expect(((await res.json()) as OutboxResponse).results.every((r) => r.outcome === "refused")).toBe(true);
  }
  expect((await post(req, base, { mutations: [{ id: "nope", kind: "x" }] })).status()).toBe(400);
  const wrongUser = await post(req, base, { ...batch, userId: randomUUID() });
  expect(wrongUser.status()).toBe(409);
  expect(await wrongUser.json()).toMatchObject({ code: "WRONG_USER" });
  expect((await post(req, base, { ...batch, userId: set.user.id })).status()).toBe(200);
  expect((await req.post("/api/outbox", { headers: { origin: base, "content-type": "application/json" }, data: "{not json" })).status()).toBe(400);
  expect((await post(req, base, { mutations: [], pad: "x".repeat(1_100_000) })).status()).toBe(413);
  expect((await req.post("/api/outbox", { headers: { origin: "https://evil.example", "content-type": "application/json" }, data: JSON.stringify(batch) })).status()).toBe(403);

  await signOut(page);
  expect((await req.get("/api/working-set")).status()).toBe(401);
  expect((await req.get("/api/device-key")).status()).toBe(401);
  const gone = await post(req, base, batch);
  expect(gone.status()).toBe(401);
  expect(await gone.json()).toMatchObject({ code: "UNAUTHENTICATED" });

  await signIn(page, ACCOUNTS.peter);
  expect((await req.get("/api/working-set")).status()).toBe(403);
  expect((await req.get("/api/device-key")).status()).toBe(403);
  expect((await post(req, base, batch)).status()).toBe(403);
  // the concern sent through the outbox heads the therapist's queue with its text
  await page.goto("/review");
  await expect(page.getByRole("region", { name: /Urgent concerns/ }).getByText(concernText)).toBeVisible();
});

// one patient per project that no other spec submits an entry for (a submitted card has no "Log session" link)
const PATIENT = { "tablet-portrait": "Lucy Demoreyes", "tablet-landscape": "Toby Mockridge", desktop: "Deshawn Samplefield" } as const;

test("from the session page: a verbal report in two taps and an Other concern with its description", async ({ page }, info) => {
  const patient = PATIENT[info.project.name as keyof typeof PATIENT];
  await signIn(page, ACCOUNTS.ana);
  await page.getByRole("article", { name: patient }).first().getByRole("link", { name: `Log session for ${patient}` }).click();

  const verbal = page.getByRole("region", { name: "Verbal report to the therapist" });
  await verbal.getByRole("button", { name: "I reported verbally…" }).click();
  await verbal.getByLabel("What you reported (one line)").fill("Seizure aura reported at 10:10, resolved in a minute");
  await verbal.getByRole("button", { name: "Log report" }).click();
  await expect(verbal.getByText(/Logged: you told .+ at \d{1,2}:\d{2}/)).toBeVisible();
  await expect(verbal.getByRole("list", { name: "Verbal reports logged" })).toContainText("Seizure aura reported");
  await page.reload();
  await expect(page.getByRole("list", { name: "Verbal reports logged" })).toContainText("Seizure aura reported");

  const concern = page.getByRole("region", { name: "Urgent concern" });
  await concern.getByRole("button", { name: "Report other" }).click();
  await expect(concern.getByText("Describe what happened first")).toBeVisible();
  await expect(concern.getByLabel("What happened (needed for Other)")).toBeFocused();
  await concern.getByLabel("What happened (needed for Other)").fill(`Red mark on the right wrist (${info.project.name})`);
  await concern.getByRole("button", { name: "Report other" }).click();
  await expect(concern.getByText(/Other concern sent to/)).toBeVisible();
});
