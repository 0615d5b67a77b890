import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, signIn } from "./fixtures";
import { expectReplaysAreDuplicates, goOnline, rawIndexedDb, recordOutboxPosts, serviceWorkerInControl, unlockOffline } from "./offline-helpers";

/**
 * Issue 11 item 1: a room's checklist (with "room ready"), supplies use and a progress report work with
 * no network on the assistant's tablet. One project (768×1024); a room, a supply and a patient no other
 * spec prepares, moves or reports on (rooms.spec takes Main Gym, Speech and Sensory Room and the
 * Thera-bands; therapist.spec reports on Maggie, Deshawn and Aiyana).
 */
const ROOM = "Treatment Room 1";
const SUPPLY = "Hot pack covers";
const PATIENT = "Lucy Demoreyes";

test("room prep, supplies use and a progress report offline: kept, reopened, delivered once", async ({ page, context, browser }, info) => {
  test.skip(info.project.name !== "tablet-portrait", "one tablet project; the demo database is shared");
  test.setTimeout(150_000);
  const note = `Prep note ${randomUUID().slice(0, 8)}: spare towels from the laundry`;
  const narrative = `Report ${randomUUID().slice(0, 8)}: joins in with fewer prompts and tolerates longer sessions.`;

  await signIn(page, ACCOUNTS.ana);
  await expect(page).toHaveURL("/today");
  await expect(page.getByText("All saved")).toBeVisible();
  await serviceWorkerInControl(page);

  // online: the tablet's Rooms screen; opening the room's server page once makes today's checklist if nobody has
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Rooms" }).click();
  await expect(page).toHaveURL("/prep");
  const roomId = /\/prep\/([0-9a-f-]{36})/.exec((await page.getByRole("link", { name: new RegExp(ROOM) }).getAttribute("href")) ?? "")![1]!;
  await page.goto(`/rooms/${roomId}`);
  await expect(page.getByRole("heading", { level: 1, name: ROOM })).toBeVisible();
  await page.goto("/supplies/use");
  await expect(page.getByText("All saved")).toBeVisible();
  const supplyRow = page.getByRole("list", { name: "Supplies" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: SUPPLY }) });
  const before = Number.parseInt((await supplyRow.getByTestId(/^on-hand-/).textContent()) ?? "", 10);
  const supplyId = ((await supplyRow.getByTestId(/^on-hand-/).getAttribute("data-testid")) ?? "").replace("on-hand-", "");
  expect(before).toBeGreaterThanOrEqual(2);
  const posted = recordOutboxPosts(page);

  // offline from here: reload, the shell from the service worker, the data after the password
  await context.setOffline(true);
  await page.goto(`/prep/${roomId}`);
  await unlockOffline(page);
  await expect(page.getByRole("heading", { level: 1, name: ROOM })).toBeVisible();
  const checklist = page.getByRole("list", { name: "Checklist items" });
  const boxes = checklist.getByRole("checkbox");
  const total = await boxes.count();
  expect(total).toBeGreaterThanOrEqual(1);

  // "room ready" keeps the server's rule on the device: required items first
  await page.getByRole("button", { name: "Mark room ready" }).click();
  await expect(page.getByTestId("form-message")).toContainText("cannot be marked ready yet");

  // a tick, then a note on the same item (the note builds on the tick's version when they arrive)
  await boxes.first().click();
  await expect(boxes.first()).toBeChecked();
  await expect(checklist.getByText(/Checked by Ana Alvarez at/).first()).toBeVisible();
  await checklist.getByRole("button", { name: /^Add note:/ }).first().click();
  await checklist.getByRole("textbox").fill(note);
  await checklist.getByRole("button", { name: "Save note" }).click();
  await expect(checklist.getByText(`Note: ${note}`)).toBeVisible();
  for (let i = 1; i < total; i++) {
    await boxes.nth(i).click();
    await expect(boxes.nth(i)).toBeChecked();
  }
  await page.getByRole("button", { name: "Mark room ready" }).click();
  await expect(page.getByText(/Room ready · marked by Ana Alvarez/)).toBeVisible();
  await expect(page.getByTestId("room-prep-status")).toContainText("Ready");
  await expect(page.getByTestId("room-prep-status")).toContainText("Waiting to send");
  await expect(boxes.first()).toBeDisabled();

  // supplies use, through the tablet's own navigation (no network needed)
  await nav.getByRole("link", { name: "Supplies" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Supplies" })).toBeVisible();
  await supplyRow.getByLabel("Quantity").fill("2");
  await supplyRow.getByLabel("Used for (optional)").fill(`${ROOM}, hot packs`);
  await supplyRow.getByRole("button", { name: "Record use" }).click();
  await expect(supplyRow.getByTestId("form-message")).toContainText("kept on this tablet");
  await expect(supplyRow.getByTestId(`on-hand-${supplyId}`)).toHaveText(new RegExp(`^${before - 2} `));

  // a progress report: the server's schema on the device, then queued
  await nav.getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Write a progress report" })).toBeVisible();
  const form = page.getByRole("form", { name: "Progress report" });
  await form.getByLabel("Patient").selectOption({ label: PATIENT });
  await form.getByLabel("Narrative").fill("Too short");
  await form.getByRole("button", { name: "Send to therapist" }).click();
  await expect(form.getByText("Write a few sentences about the patient's progress.")).toBeVisible();
  await expect(form.getByLabel("Narrative")).toBeFocused();
  await expect(form.getByRole("region", { name: "From this tablet" })).toBeVisible();
  await form.getByLabel("Narrative").fill(narrative);
  await form.getByRole("button", { name: "Send to therapist" }).click();
  await expect(form.getByTestId("form-message")).toContainText(`The report for ${PATIENT} is kept on this tablet`);
  await expect(page.getByRole("region", { name: "Written on this tablet" })).toContainText(PATIENT);

  // nothing she typed is readable on the device
  const raw = await rawIndexedDb(page);
  for (const secret of [note, narrative, "spare towels", "fewer prompts", "Demoreyes"]) expect(raw).not.toContain(secret);

  // close the page, open the app again offline: all still there
  await page.close();
  const again = await context.newPage();
  await again.goto(`/prep/${roomId}`);
  await unlockOffline(again);
  await expect(again.getByRole("list", { name: "Checklist items" }).getByText(`Note: ${note}`)).toBeVisible();
  await expect(again.getByText(/Room ready · marked by Ana Alvarez/)).toBeVisible();
  await expect(again.getByText(/changes waiting: they will be sent when the Wi-Fi is back/)).toBeVisible();
  const nav2 = again.getByRole("navigation", { name: "Main" });
  await nav2.getByRole("link", { name: "Supplies" }).click();
  await expect(again.getByTestId(`on-hand-${supplyId}`)).toHaveText(new RegExp(`^${before - 2} `));
  await nav2.getByRole("link", { name: "Reports" }).click();
  await expect(again.getByRole("region", { name: "Written on this tablet" })).toContainText("Waiting to send");

  // online: everything goes, once
  const posted2 = recordOutboxPosts(again);
  await goOnline(context, again);
  await expect(again.getByText("All saved")).toBeVisible({ timeout: 30_000 });
  await expectReplaysAreDuplicates(again, [...posted, ...posted2]);

  // the database, through the therapist's pages: the room ready with the note, the stock, the report
  const desk = await browser.newContext();
  const olivia = await desk.newPage();
  await signIn(olivia, ACCOUNTS.olivia);
  await olivia.goto(`/rooms/${roomId}`);
  await expect(olivia.getByTestId("room-prep-status")).toContainText("Ready");
  await expect(olivia.getByText(/Room ready · marked by Ana Alvarez/)).toBeVisible();
  await expect(olivia.getByText(`Note: ${note}`)).toHaveCount(1);
  await expect(olivia.getByRole("list", { name: "Checklist items" }).getByRole("checkbox", { checked: false })).toHaveCount(0);
  await olivia.goto("/supplies");
  await expect(olivia.getByTestId(`on-hand-${supplyId}`)).toHaveText(new RegExp(`^${before - 2} `));
  await desk.close();

  await again.goto("/reports");
  const mine = again.getByRole("link", { name: new RegExp(PATIENT) });
  await expect(mine).toHaveCount(1);
  await mine.click();
  await expect(again.getByText(narrative)).toHaveCount(1);
  await expect(again.getByRole("heading", { level: 2, name: "Attendance" })).toBeVisible();
});
