import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";
import { goOnline, serviceWorkerInControl, tablet, unlockOffline } from "./offline-helpers";

/**
 * Issue 11's tests of the outbox across tablets and versions: an app update while the outbox is not empty,
 * and two tablets of one aide. One project (768×1024); a supply and appointment slots no other spec uses.
 */
const SUPPLY = "Electrode pads";

/** The script of the worker in control of the page (a new script URL is a new version for the browser). */
const NEW_WORKER = "/serwist/sw.js?version=next";
async function workerVersion(page: Page): Promise<string> {
  return page.evaluate(() => {
    const u = navigator.serviceWorker.controller?.scriptURL;
    return u ? new URL(u).pathname + new URL(u).search : "none";
  });
}

test("an app update while the outbox is not empty: the new worker takes over and the outbox is delivered", async ({ browser }, info) => {
  test.skip(info.project.name !== "tablet-portrait", "one tablet project; the demo database is shared");
  test.setTimeout(120_000);
  const ctx = await tablet(browser);
  const page = await ctx.newPage();
  await signIn(page, ACCOUNTS.ana);
  await expect(page.getByText("All saved")).toBeVisible();
  await serviceWorkerInControl(page);
  expect(await workerVersion(page)).toBe("/serwist/sw.js");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Supplies" }).click();
  const row = page.getByRole("list", { name: "Supplies" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: SUPPLY }) });
  const onHand = row.getByTestId(/^on-hand-/);
  const before = Number.parseInt((await onHand.textContent()) ?? "", 10);
  const supplyId = ((await onHand.getAttribute("data-testid")) ?? "").replace("on-hand-", "");

  // offline, a write waits on the tablet; a reload offline locks it (the key is gone), so nothing is sent
  // when the Wi-Fi comes back until she unlocks: the outbox is not empty while the app updates
  await ctx.setOffline(true);
  await row.getByLabel("Quantity").fill("3");
  await row.getByRole("button", { name: "Record use" }).click();
  await expect(row.getByTestId("form-message")).toContainText("kept on this tablet");
  await expect(page.getByText("1 change waiting: they will be sent when the Wi-Fi is back")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("dialog", { name: "Screen locked" })).toBeVisible();
  await expect(page.getByText(/1 change by Ana Alvarez is kept on this tablet/)).toBeVisible();
  await ctx.setOffline(false);

  // a new app version: a new worker script for the registration (the browser installs it as a new version)
  const installed = await page.evaluate(async (url) => {
    const reg = await navigator.serviceWorker.register(url, { scope: "/", updateViaCache: "none" });
    const w = reg.installing ?? reg.waiting;
    if (!w) return "no new worker";
    if (w.state === "installing") await new Promise<void>((r) => w.addEventListener("statechange", () => w.state !== "installing" && r()));
    return w.state;
  }, NEW_WORKER);
  expect(installed).toBe("installed");
  await expect(page.getByText(/1 change by Ana Alvarez is kept on this tablet/)).toBeVisible();

  // it waits until no page runs the old version (its chunks stay cached until then), then activates;
  // the app then opens under the new version and delivers what waited, once
  await page.close();
  let next = await ctx.newPage();
  for (let i = 0; i < 5; i++) {
    await next.goto("/supplies/use");
    await expect(next.getByRole("heading", { level: 1, name: "Supplies" })).toBeVisible();
    if ((await workerVersion(next)) === NEW_WORKER || i === 4) break;
    await next.close();
    next = await ctx.newPage();
  }
  expect(await workerVersion(next)).toBe(NEW_WORKER);
  await expect(next.getByText("All saved")).toBeVisible({ timeout: 20_000 });
  await expect(next.getByTestId(`on-hand-${supplyId}`)).toHaveText(new RegExp(`^${before - 3} `));
  const desk = await browser.newContext();
  const olivia = await desk.newPage();
  await signIn(olivia, ACCOUNTS.olivia);
  await olivia.goto("/supplies");
  await expect(olivia.getByTestId(`on-hand-${supplyId}`)).toHaveText(new RegExp(`^${before - 3} `));
  await desk.close();
  await ctx.close();
});

/** The admin books one appointment for Ana late today (slots no other spec uses) and returns its id. */
async function book(admin: Page, patient: string, start: string): Promise<string> {
  await admin.goto("/schedule/new");
  const form = admin.getByRole("form", { name: "New booking" });
  await form.getByLabel("One appointment").check();
  await form.getByLabel("Patient").selectOption({ label: patient });
  await form.getByLabel("Room").selectOption({ label: "Treatment Room 1" });
  await form.getByLabel("Therapist").selectOption({ label: "Olivia Ortiz" });
  await form.getByLabel("Assistant (optional)").selectOption({ label: "Ana Alvarez" });
  await form.getByLabel("Start time").fill(start);
  await form.getByLabel("Length (minutes)").fill("20");
  await form.getByRole("button", { name: "Book appointment" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Appointment booked.");
  await admin.goto("/schedule?view=day");
  const name = patient.replace(/ \(SR-\d+\)$/, "");
  // the day view shows "8:00 – 8:20 PM" (formatClinicTimeRange, English)
  const clock = (minutes: number) => `${((Math.floor(minutes / 60) + 11) % 12) + 1}:${String(minutes % 60).padStart(2, "0")}`;
  const [h, m] = start.split(":").map(Number) as [number, number];
  const from = h * 60 + m;
  const range = new RegExp(`${clock(from)}\\s*–\\s*${clock(from + 20)}\\s${from + 20 >= 720 ? "PM" : "AM"}`);
  const link = admin.getByRole("link").filter({ hasText: name }).filter({ hasText: range });
  return /\/schedule\/appointments\/([0-9a-f-]{36})/.exec((await link.getAttribute("href")) ?? "")![1]!;
}

/** The appointment's card on Today (found by its session link: several cards may show one patient). */
const card = (page: Page, id: string) => page.getByRole("article").filter({ has: page.locator(`a[href="/sessions/${id}"]`) });

test("two tablets of one aide: both deliver their own writes; the shared appointment gets one outcome and the other tablet a conflict it shows", async ({ browser }, info) => {
  test.skip(info.project.name !== "tablet-portrait", "one tablet project; the demo database is shared");
  test.setTimeout(150_000);
  const desk = await browser.newContext();
  const admin = await desk.newPage();
  await signIn(admin, ACCOUNTS.admin);
  const onlyA = await book(admin, "Lucy Demoreyes (SR-1003)", "20:00");
  const onlyB = await book(admin, "Bernie Pseudoman (SR-1010)", "20:30");
  const shared = await book(admin, "Toby Mockridge (SR-1006)", "21:00");
  await desk.close();

  const [ctxA, ctxB] = [await tablet(browser), await tablet(browser)];
  const [a, b] = [await ctxA.newPage(), await ctxB.newPage()];
  for (const p of [a, b]) {
    await signIn(p, ACCOUNTS.ana);
    await expect(p.getByText("All saved")).toBeVisible();
    await expect(card(p, shared)).toBeVisible();
    await serviceWorkerInControl(p);
  }

  // both lose the Wi-Fi; each records its own appointment, and both the shared one, differently
  for (const [ctx, p] of [[ctxA, a], [ctxB, b]] as const) {
    await ctx.setOffline(true);
    await p.reload();
    await unlockOffline(p);
  }
  await card(a, onlyA).getByRole("button", { name: "Present", exact: true }).click();
  await card(a, shared).getByRole("button", { name: "Present", exact: true }).click();
  await card(b, onlyB).getByRole("button", { name: "Present", exact: true }).click();
  await card(b, shared).getByRole("button", { name: "No-show", exact: true }).click();
  for (const p of [a, b]) await expect(p.getByText("2 changes waiting: they will be sent when the Wi-Fi is back")).toBeVisible();

  // tablet A is back first: both its writes apply
  await goOnline(ctxA, a);
  await expect(a.getByText("All saved")).toBeVisible({ timeout: 20_000 });
  // then tablet B: its own appointment applies, the shared one conflicts and is shown with what the server has
  await goOnline(ctxB, b);
  const attention = b.getByRole("region", { name: "Needs your attention" });
  await expect(attention).toBeVisible({ timeout: 20_000 });
  const item = attention.getByTestId("attention-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("TheraTrack said:");
  await expect(item).toContainText("changed on another screen");
  await expect(item.getByTestId("server-now")).toContainText("Attendance: present (recorded by you)");
  await expect(b.getByText("1 needs your attention")).toBeVisible();

  // each tablet now shows the server's day: every write once, the shared appointment present
  await expect(card(b, onlyA).getByRole("button", { name: "Present", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(card(b, onlyB).getByRole("button", { name: "Present", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(card(b, shared).getByRole("button", { name: "Present", exact: true })).toHaveAttribute("aria-pressed", "true");
  await a.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(card(a, onlyB).getByRole("button", { name: "Present", exact: true })).toHaveAttribute("aria-pressed", "true", { timeout: 20_000 });
  await expect(card(a, shared).getByRole("button", { name: "Present", exact: true })).toHaveAttribute("aria-pressed", "true");

  // the conflict stays until she decides: still there after a reload
  await b.reload();
  await expect(b.getByRole("region", { name: "Needs your attention" }).getByTestId("attention-item")).toHaveCount(1);
  await ctxA.close();
  await ctxB.close();
});
