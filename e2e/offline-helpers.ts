import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { PASSWORD } from "./fixtures";

/** Helpers of the offline tablet specs (e2e/offline-*.spec.ts). */

export async function serviceWorkerInControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
}

/** After a reload or a new page offline the key is gone: the lock screen asks for the password. */
export async function unlockOffline(page: Page): Promise<void> {
  await expect(page.getByRole("dialog", { name: "Screen locked" })).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Unlock" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

export async function tablet(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
}

/** Back online: the page hears the `online` event (Playwright's setOffline does not always fire it). */
export async function goOnline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(false);
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
}

/** Every outbox POST the page makes, as sent (to replay it and prove nothing changes the second time). */
export function recordOutboxPosts(page: Page): string[] {
  const posted: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/outbox") && r.method() === "POST") posted.push(r.postData() ?? "");
  });
  return posted;
}

/** Each batch sent again answers "duplicate" for every mutation: the writes reached the database once. */
export async function expectReplaysAreDuplicates(page: Page, posted: string[]): Promise<void> {
  expect(posted.length).toBeGreaterThan(0);
  for (const body of posted) {
    const replay = await page.request.post("/api/outbox", { headers: { origin: new URL(page.url()).origin, "content-type": "application/json" }, data: body });
    expect(replay.status()).toBe(200);
    const outcomes = ((await replay.json()) as { results: { outcome: string }[] }).results.map((r) => r.outcome);
    expect(new Set(outcomes)).toEqual(new Set(["duplicate"]));
  }
}

/** Every record of every IndexedDB object store as raw bytes (what someone holding the tablet reads). */
export async function rawIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const dec = new TextDecoder();
    const dump = (v: unknown): string => {
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return dec.decode(v);
      if (v && typeof v === "object") return Object.values(v).map(dump).join(" ");
      return String(v);
    };
    for (const info of await indexedDB.databases()) {
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
