import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, signOut } from "./fixtures";

// The three projects share one demo database per run: each takes its own room and supply.
const BY_PROJECT: Record<string, { room: string; supply: string; use: number; equipment: string }> = {
  // supplies: 5, 6 and 7 on hand, reorder at 2; equipment: all in Treatment Room 1
  "tablet-portrait": { room: "Main Gym", supply: "Theraband, yellow", use: 3, equipment: "TENS / e-stim unit" },
  "tablet-landscape": { room: "Speech Room", supply: "Theraband, red", use: 4, equipment: "Hot pack heater (hydrocollator)" },
  desktop: { room: "Sensory Room", supply: "Theraband, green", use: 5, equipment: "Hi-lo treatment table" },
};

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`);
}

function mine(projectName: string) {
  const m = BY_PROJECT[projectName];
  if (!m) throw new Error(`no room/supply chosen for project ${projectName}`);
  return m;
}

test.describe("rooms and supplies", () => {
  test("the assistant opens today's rooms, completes a checklist, and the room shows ready", async ({ page }, testInfo) => {
    const { room } = mine(testInfo.project.name);
    await signIn(page, ACCOUNTS.ana);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rooms" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Rooms" })).toBeVisible();
    const inUse = page.getByRole("region", { name: "In use today" });
    const roomLink = inUse.getByRole("link", { name: new RegExp(room) });
    await expect(roomLink).toContainText("Not started");
    await expect(page.getByRole("link", { name: /Main Gym/ })).toContainText("Out of service: Treadmill");
    await roomLink.click();

    await expect(page.getByRole("heading", { level: 1, name: room })).toBeVisible();
    const checklist = page.getByRole("list", { name: "Checklist items" });
    const boxes = checklist.getByRole("checkbox");
    const total = await boxes.count();
    expect(total).toBeGreaterThanOrEqual(4);

    // refused while required items are open
    await page.getByRole("button", { name: "Mark room ready" }).click();
    await expect(page.getByTestId("form-message")).toContainText("cannot be marked ready yet");

    // check, undo, check again
    await boxes.first().click();
    await expect(boxes.first()).toBeChecked();
    await expect(checklist.getByText(/Checked by Ana Alvarez at/).first()).toBeVisible();
    await boxes.first().click();
    await expect(boxes.first()).not.toBeChecked();

    // a note on an item
    await checklist.getByRole("button", { name: /^Add note:/ }).first().click();
    await checklist.getByRole("textbox").fill("Spare cover used, original in laundry");
    await checklist.getByRole("button", { name: "Save note" }).click();
    await expect(checklist.getByText("Note: Spare cover used, original in laundry")).toBeVisible();

    for (let i = 0; i < total; i++) {
      await boxes.nth(i).click();
      await expect(boxes.nth(i)).toBeChecked();
    }
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Mark room ready" }).click();
    await expect(page.getByText(/Room ready · marked by Ana Alvarez/)).toBeVisible();
    await expect(page.getByTestId("room-prep-status")).toContainText("Ready");
    // checked items can no longer be undone
    await expect(boxes.first()).toBeDisabled();

    // no sideways scrolling on the tablet
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);

    await page.getByRole("link", { name: "All rooms" }).click();
    await expect(page.getByRole("region", { name: "In use today" }).getByRole("link", { name: new RegExp(room) })).toContainText("Ready");
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a low-stock supply appears for the admin after the assistant records use", async ({ page }, testInfo) => {
    const { supply, use } = mine(testInfo.project.name);
    await signIn(page, ACCOUNTS.ana);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Supplies" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Supplies" })).toBeVisible();
    // assistants get no low-stock list and no export
    await expect(page.getByRole("heading", { name: "Low stock: reorder" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
    expect((await page.request.get("/api/export/supplies")).status()).toBe(403);

    const row = page.getByRole("list", { name: "Supplies" }).getByRole("listitem").filter({ has: page.getByRole("heading", { name: supply }) });
    // more than is on hand is refused with a clear message
    await row.getByLabel("Quantity").fill("999");
    await row.getByRole("button", { name: "Record use" }).click();
    await expect(row.getByTestId("form-message")).toContainText(`on hand, so 999 cannot be used`);
    await row.getByLabel("Quantity").fill(String(use));
    await row.getByRole("button", { name: "Record use" }).click();
    await expect(row.getByTestId("form-message")).toContainText("Use recorded. 2 rolls on hand.");
    await expect(row.getByText(/^Low \(reorder at 2\)$/)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await signOut(page);

    await signIn(page, ACCOUNTS.admin);
    await page.goto("/supplies");
    const low = page.getByRole("list", { name: "Low stock" });
    await expect(low.getByRole("listitem").filter({ hasText: supply })).toContainText("2 rolls on hand · reorder at 2");
    const csv = await page.request.get("/api/export/supplies");
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const body = await csv.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body.toString("utf8")).toContain(`"${supply}",rolls,2,2,yes`);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("a therapist writes a checklist for one room; assistants cannot open the editor", async ({ page }, testInfo) => {
    const name = `Treatment Room 1 (${testInfo.project.name})`;
    await signIn(page, ACCOUNTS.olivia);
    await page.goto("/rooms");
    await page.getByRole("link", { name: "Checklists" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Room checklists" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Gym opening check/ })).toContainText("Every gym · 6 items");
    await page.getByRole("link", { name: "New checklist" }).click();
    // empty fields are explained
    await page.getByRole("button", { name: "Save checklist" }).click();
    await expect(page.getByText("Name the checklist.")).toBeVisible();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Applies to").selectOption({ label: "Treatment Room 1" });
    await page.getByLabel("Item 1", { exact: true }).fill("Hot packs out of the heater 10 minutes before");
    await page.getByLabel("Linked equipment (item 1)").selectOption({ label: "Hot pack heater (hydrocollator) (Treatment Room 1)" });
    await page.getByRole("button", { name: "Add item" }).click();
    await page.getByLabel("Item 2", { exact: true }).fill("Towels folded on the shelf");
    await page.getByRole("button", { name: "Move item 2 up" }).click();
    await expect(page.getByLabel("Item 1", { exact: true })).toHaveValue("Towels folded on the shelf");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Save checklist" }).click();
    await expect(page).toHaveURL(/\/rooms\/checklists$/);
    await expect(page.getByRole("link", { name: new RegExp(name.replace(/[()]/g, "\\$&")) })).toContainText("Room: Treatment Room 1 · 2 items");
    await signOut(page);

    await signIn(page, ACCOUNTS.sam);
    const res = await page.goto("/rooms/checklists");
    expect(res?.status()).toBe(403);
  });

  test("an admin takes equipment out of service and the room shows it; maintenance due is listed", async ({ page }, testInfo) => {
    const { equipment } = mine(testInfo.project.name);
    await signIn(page, ACCOUNTS.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rooms" }).click();
    await expect(page.getByRole("region", { name: "Maintenance due within 7 days" })).toContainText("Recumbent bike");
    await page.getByRole("link", { name: /Treatment Room 1/ }).click();
    // admins do not prepare rooms, so opening one makes no checklist
    await expect(page.getByRole("button", { name: "Mark room ready" })).toHaveCount(0);
    await page.getByRole("button", { name: `Change status: ${equipment}` }).click();
    const form = page.getByRole("form", { name: `Status of ${equipment}` });
    await form.getByLabel("Status").selectOption({ label: "Out of service" });
    await form.getByLabel(/^Note/).fill("Cracked housing, do not use");
    await form.getByRole("button", { name: "Save" }).click();
    const row = page.getByRole("list", { name: "Equipment" }).getByRole("listitem").filter({ hasText: equipment });
    await expect(row).toContainText("Out of service");
    await expect(row).toContainText("Cracked housing, do not use");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "All rooms" }).click();
    await expect(page.getByRole("link", { name: /Treatment Room 1/ })).toContainText(`Out of service: ${equipment}`);
  });
});
