import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { demoId } from "../scripts/reliability/samples";
import { assertionClaims, jwksOf, makeKey, signAssertion, tokenForm } from "../lib/testing/smart-client";
import { ACCOUNTS, signIn } from "./fixtures";

const FHIR = "application/fhir+json";

async function expectNoSeriousA11yIssues(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}
const p01 = demoId("sunrise:patient:p01");

async function token(request: APIRequestContext, baseURL: string, clientId: string, key: ReturnType<typeof makeKey>) {
  const aud = `${baseURL}/fhir/R4/auth/token`;
  return request.post("/fhir/R4/auth/token", { form: tokenForm(signAssertion(key, assertionClaims(clientId, aud))) });
}

test("an admin registers an EMR client; it gets a token with a signed JWT, reads, exports in bulk, and is revoked at once", async ({ page, playwright, baseURL }, testInfo) => {
  const key = makeKey(testInfo.project.name === "desktop" ? "ES384" : "RS384");
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "EMR (FHIR)" }).click();
  const form = page.getByRole("form", { name: "Register a client" });
  await expectNoSeriousA11yIssues(page);
  const name = `Interface engine ${testInfo.project.name}`;
  await form.getByLabel("Client name").fill(name);
  await form.getByLabel(/Public key set/).fill(jwksOf(key));
  await form.getByRole("button", { name: "Register client" }).click();
  const message = await page.getByTestId("form-message").textContent();
  const clientId = /client_id is ([0-9a-f-]{36})/.exec(message ?? "")?.[1];
  expect(clientId, message ?? "").toBeTruthy();

  const api = await playwright.request.newContext({ baseURL });
  const res = await token(api, baseURL!, clientId!, key);
  expect(res.status()).toBe(200);
  const { access_token, expires_in, scope } = await res.json();
  expect({ expires_in, scope }).toEqual({ expires_in: 300, scope: "system/*.read" });
  const auth = { authorization: `Bearer ${access_token}` };

  const patient = await api.get(`/fhir/R4/Patient/${p01}`, { headers: auth });
  expect(patient.status()).toBe(200);
  expect(patient.headers()["content-type"]).toContain(FHIR);
  expect(await patient.json()).toMatchObject({ resourceType: "Patient", identifier: [{ value: "SR-1001" }] });

  const bad = await api.get(`/fhir/R4/Observation?patient=${p01}&date=2026-99-99`, { headers: auth });
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ resourceType: "OperationOutcome", issue: [{ code: "invalid" }] });
  const other = await api.get(`/fhir/R4/Patient/${demoId("harbor:patient:p01")}`, { headers: auth });
  expect(other.status()).toBe(404);
  expect((await other.json()).resourceType).toBe("OperationOutcome");
  expect((await api.get(`/fhir/R4/Patient/${p01}`)).status()).toBe(401);
  expect((await api.get(`/fhir/R4/Patient/${p01}`, { headers: { authorization: "Bearer forged-token-forged-token-forged" } })).status()).toBe(401);

  const kick = await api.get("/fhir/R4/Patient/$export?_type=Patient,Encounter", { headers: { ...auth, prefer: "respond-async", accept: FHIR } });
  expect(kick.status()).toBe(202);
  const statusUrl = kick.headers()["content-location"]!;
  expect(statusUrl).toContain("/fhir/R4/bulk-status/");
  let manifest: { output: { type: string; url: string; count: number }[] } | null = null;
  await expect
    .poll(async () => {
      const s = await api.get(new URL(statusUrl).pathname, { headers: auth });
      if (s.status() === 200) manifest = await s.json();
      return s.status();
    })
    .toBe(200);
  expect(manifest!.output.map((o) => o.type)).toEqual(["Patient", "Encounter"]);
  const file = await api.get(new URL(manifest!.output[0]!.url).pathname, { headers: auth });
  expect(file.headers()["content-type"]).toContain("application/fhir+ndjson");
  const lines = (await file.text()).trim().split("\n");
  expect(lines).toHaveLength(manifest!.output[0]!.count);
  expect(JSON.parse(lines[0]!).resourceType).toBe("Patient");

  page.on("dialog", (d) => d.accept());
  await page.reload();
  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  // the refreshed list shows the client as revoked (its Revoke button, and that button's message, are gone)
  await expect(page.getByRole("list", { name: "Registered system clients" }).getByRole("listitem").filter({ hasText: name })).toContainText("Revoked");
  await expect(page.getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  expect((await api.get(`/fhir/R4/Patient/${p01}`, { headers: auth })).status()).toBe(401);
  expect((await token(api, baseURL!, clientId!, key)).status()).toBe(401);
  await api.dispose();
});

test("a therapist's session reads the chart as FHIR; an admin's sees no clinical content; an assistant's nothing", async ({ page }) => {
  await signIn(page, ACCOUNTS.peter);
  const everything = await page.request.get(`/fhir/R4/Patient/${p01}/$everything`);
  expect(everything.status()).toBe(200);
  const types = new Set(((await everything.json()).entry as { resource: { resourceType: string } }[]).map((e) => e.resource.resourceType));
  expect(types).toContain("Provenance");
  expect(types).toContain("DocumentReference");
  const pdf = await page.request.get(`/fhir/R4/Binary/${[...((await everything.json()).entry as { resource: { resourceType: string; id: string } }[])].find((e) => e.resource.resourceType === "DocumentReference")!.resource.id}`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.admin);
  expect((await page.request.get(`/fhir/R4/Patient/${p01}`)).status()).toBe(200);
  expect((await page.request.get(`/fhir/R4/Observation?patient=${p01}`)).status()).toBe(403);

  await page.context().clearCookies();
  await signIn(page, ACCOUNTS.ana);
  expect((await page.request.get(`/fhir/R4/Patient/${p01}`)).status()).toBe(403);
  expect((await page.request.get("/fhir/R4/metadata")).status()).toBe(200);
});

test("an admin imports patients from NDJSON: good rows kept, a bad row refused with its reason, a second import changes nothing", async ({ page }, testInfo) => {
  const mrn = `IMP-${testInfo.project.name}`;
  const line = (value: string, birthDate: string) =>
    JSON.stringify({ resourceType: "Patient", identifier: [{ type: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0203", code: "MR" }] }, value }], name: [{ use: "official", family: "Importwell", given: ["Ivy"] }], birthDate });
  const content = [line(mrn, "1990-04-05"), line(`${mrn}-bad`, "not-a-date")].join("\n");
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/fhir/import");
  const upload = async () => {
    await page.getByLabel("FHIR file (.json Bundle or .ndjson)").setInputFiles({ name: "patients.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(content) });
    await page.getByRole("button", { name: "Import patients" }).click();
  };
  await expectNoSeriousA11yIssues(page);
  await upload();
  await expect(page.getByTestId("form-message")).toContainText("1 created, 0 updated, 0 unchanged, 1 refused. The good rows were kept");
  const results = page.getByRole("table", { name: "Import results" });
  await expect(results.getByRole("row", { name: new RegExp(`${mrn}-bad Refused Date of birth \\(birthDate\\)`) })).toBeVisible();
  await expectNoSeriousA11yIssues(page);
  await upload();
  await expect(page.getByTestId("form-message")).toContainText("0 created, 0 updated, 1 unchanged, 1 refused");
});
