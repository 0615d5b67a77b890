import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, PASSWORD, signIn } from "./fixtures";

/**
 * Issue 11: the tablet keeps working when the Wi-Fi drops. One project (the tablet at 768×1024) and
 * one of Ana's patients nobody else's spec touches (Mei, 15:00 with Olivia), so it shares the demo
 * database with the other specs. Offline is Playwright's context.setOffline: no request reaches the server.
 */
const PATIENT = "Mei Placeholm";
const THERAPIST = "Olivia Ortiz, OTR/L";

async function serviceWorkerInControl(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
}

async function unlockOffline(page: Page) {
  await expect(page.getByRole("dialog", { name: "Screen locked" })).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Every record of every object store, as the raw bytes IndexedDB holds (no key: what a thief reads). */
async function rawIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    const out: string[] = [];
    const dec = new TextDecoder();
    const dump = (v: unknown): string => {
      if (v instanceof ArrayBuffer) return dec.decode(v);
      if (ArrayBuffer.isView(v)) return dec.decode(v);
      if (v && typeof v === "object") return Object.values(v).map(dump).join(" ");
      return String(v);
    };
    for (const info of dbs) {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open(info.name!);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const name of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((res) => {
          const r = db.transaction(name).objectStore(name).getAll();
          r.onsuccess = () => res(r.result);
        });
        out.push(`${name}: ${rows.map(dump).join(" | ")}`);
      }
      db.close();
    }
    return out.join("\n");
  });
}

test("a day's work offline: kept on the tablet, encrypted, delivered once when the Wi-Fi is back", async ({ page, context, browser }, info) => {
  test.skip(info.project.name !== "tablet-portrait", "one tablet project; the demo database is shared");
  test.setTimeout(120_000);
  const note = `Offline note ${randomUUID().slice(0, 8)}: made a sandwich with two prompts`;
  const concern = `Offline concern ${randomUUID().slice(0, 8)}: coughing after drinking water`;

  await signIn(page, ACCOUNTS.ana);
  await expect(page).toHaveURL("/today");
  await expect(page.getByRole("article", { name: PATIENT })).toBeVisible();
  await expect(page.getByText("All saved")).toBeVisible();
  await serviceWorkerInControl(page);

  // offline, reload: the shell comes from the service worker, the day from the device (after the password)
  await context.setOffline(true);
  await page.reload();
  await unlockOffline(page);
  const card = page.getByRole("article", { name: PATIENT });
  await expect(card).toBeVisible();

  // attendance, one tap: shown at once, waiting to send
  await card.getByRole("button", { name: "Present", exact: true }).click();
  await expect(card.getByRole("button", { name: "Present", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(/1 change waiting: they will be sent when the Wi-Fi is back/)).toBeVisible();

  // the observation, filled and submitted offline
  await card.getByRole("link", { name: `Log session for ${PATIENT}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Session with ${PATIENT}` })).toBeVisible();
  await page.getByRole("group", { name: "ADL practice" }).getByRole("radio", { name: "Done", exact: true }).check();
  await page.getByRole("group", { name: "Attitude today (1–5)" }).getByRole("radio", { name: /^4/ }).check();
  await page.getByLabel("Accomplishments", { exact: true }).fill(note);
  await expect(page.getByTestId("draft-status")).toContainText("Draft kept on this tablet");
  await page.getByRole("button", { name: `Submit to ${THERAPIST}` }).click();
  await expect(page.getByText(`Submitted to ${THERAPIST}. It is stored on this tablet and will be sent when the Wi-Fi is back.`)).toBeVisible();

  // an urgent concern with its description
  const region = page.getByRole("region", { name: "Urgent concern" });
  await region.getByLabel("What happened (needed for Other)").fill(concern);
  await region.getByRole("button", { name: "Report other" }).click();
  await expect(region.getByText(/Other concern kept on this tablet/)).toBeVisible();

  // nothing readable on the device: no patient name, MRN or typed text in any IndexedDB record
  const raw = await rawIndexedDb(page);
  expect(raw).toContain("outbox");
  for (const secret of ["Placeholm", "SR-1005", note, concern, "sandwich", "coughing"]) expect(raw).not.toContain(secret);
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain("sandwich");

  // close the page and open the app again, still offline: all still there
  await page.close();
  const again = await context.newPage();
  await again.goto("/today");
  await unlockOffline(again);
  const card2 = again.getByRole("article", { name: PATIENT });
  await expect(card2.getByRole("button", { name: "Present", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(card2.getByText("Awaiting signature")).toBeVisible();
  await expect(again.getByText(/changes waiting: they will be sent when the Wi-Fi is back/)).toBeVisible();

  // back online: everything goes, once
  const posted: string[] = [];
  again.on("request", (r) => {
    if (r.url().endsWith("/api/outbox") && r.method() === "POST") posted.push(r.postData() ?? "");
  });
  await context.setOffline(false);
  await again.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(again.getByText("All saved")).toBeVisible({ timeout: 20_000 });
  expect(posted.length).toBeGreaterThan(0);

  // the same batch sent again changes nothing: every mutation answers duplicate
  const replay = await again.request.post("/api/outbox", { headers: { origin: new URL(again.url()).origin, "content-type": "application/json" }, data: posted[0]! });
  expect(replay.status()).toBe(200);
  const outcomes = ((await replay.json()) as { results: { outcome: string }[] }).results.map((r) => r.outcome);
  expect(outcomes.length).toBeGreaterThan(0);
  expect(new Set(outcomes)).toEqual(new Set(["duplicate"]));

  // the therapist sees one entry with the text, and the concern with its description
  const desk = await browser.newContext();
  const olivia = await desk.newPage();
  await signIn(olivia, ACCOUNTS.olivia);
  await olivia.goto("/review");
  await expect(olivia.getByRole("region", { name: /Urgent concerns/ }).getByText(concern)).toHaveCount(1);
  const queue = olivia.getByRole("region", { name: /Awaiting your signature/ });
  await queue.getByRole("link", { name: PATIENT }).last().click();
  await expect(olivia.getByText(note)).toHaveCount(1);
  await desk.close();
});
