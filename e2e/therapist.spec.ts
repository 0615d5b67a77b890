import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { ACCOUNTS, signIn, signOut } from "./fixtures";

/**
 * The supervision loop from the therapist's side. The three viewport projects share one demo database,
 * so each project works on its own seeded patients (the demo seeds one entry awaiting signature per
 * patient): nothing collides and no test depends on another's order.
 */
const PLAN = {
  "tablet-portrait": { sign: "Maggie Testwell", ret: "Hal Fakenham", concern: "Maggie Testwell" },
  "tablet-landscape": { sign: "Deshawn Samplefield", ret: "Gwen Synthwaite", concern: "Deshawn Samplefield" },
  desktop: { sign: "Aiyana Trialsworth", ret: "Rafael Exampleton", concern: "Aiyana Trialsworth" },
} as const;
const plan = (info: TestInfo) => PLAN[info.project.name as keyof typeof PLAN];

/** Opens the patient's oldest queued entry (the seeded one; other specs may add today's) and returns
 * its address, so later checks name that entry and not another of the same patient. */
async function openQueuedEntry(page: Page, patient: string): Promise<string> {
  await page.goto("/review");
  const queue = page.getByRole("region", { name: /Awaiting your signature/ });
  const link = queue.getByRole("link", { name: patient }).first();
  const href = (await link.getAttribute("href")) ?? "";
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${patient}: session`) })).toBeVisible();
  return href;
}

async function expectNoSeriousA11yIssues(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test.describe("therapist supervision", () => {
  test("signing needs the password; the signed entry shows both names", async ({ page }, info) => {
    const { sign } = plan(info);
    await signIn(page, ACCOUNTS.peter);
    await expect(page.getByRole("heading", { level: 1, name: "Review" })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    const signed = await openQueuedEntry(page, sign);
    await expect(page.getByText("Captured by Ana Alvarez, Rehabilitation Aide, assistant")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yIssues(page);

    const form = page.getByRole("form", { name: "Sign this entry" });
    await form.getByLabel("Your password").fill("not-my-password");
    await form.getByRole("button", { name: "Sign entry" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("That password is not correct. The entry was not signed.");

    await form.getByLabel("Your password").fill("sunrise-demo-2026");
    await form.getByRole("button", { name: "Sign entry" }).click();
    const signatures = page.getByTestId("entry-signatures");
    await expect(signatures).toContainText("Signed by Peter Park, DPT");
    await expect(signatures).toContainText("Captured by Ana Alvarez, Rehabilitation Aide, assistant");
    await expect(page.getByRole("form", { name: "Sign this entry" })).toHaveCount(0);

    // a signed entry can only be amended, and the amendment shows with the original
    const amend = page.getByRole("form", { name: "Amend this entry" });
    await amend.getByLabel("Reason for the amendment").fill("Clarify distance");
    await amend.getByLabel("Amendment text").fill("Distance measured with the hallway tape.");
    await amend.getByRole("button", { name: "Add amendment" }).click();
    await expect(page.getByLabel("Amendments", { exact: true })).toContainText("Amendment by Peter Park, DPT");
    await expect(page.getByLabel("Amendments", { exact: true })).toContainText("Distance measured with the hallway tape.");

    await page.goto("/review");
    await expect(page.getByRole("region", { name: /Awaiting your signature/ }).locator(`a[href="${signed}"]`)).toHaveCount(0);
  });

  test("returning needs a comment; the returned entry shows it", async ({ page }, info) => {
    const { ret } = plan(info);
    await signIn(page, ACCOUNTS.peter);
    const returned = await openQueuedEntry(page, ret);
    const form = page.getByRole("form", { name: "Return this entry" });
    await form.getByRole("button", { name: "Return to assistant" }).click();
    await expect(form.getByText("Say what the assistant should fix or add.")).toBeVisible();
    await form.getByLabel("Comment for the assistant").fill("Please add the heart rate after each lap.");
    await form.getByRole("button", { name: "Return to assistant" }).click();
    await expect(page.getByTestId("entry-signatures")).toContainText("Returned: Please add the heart rate after each lap.");
    await page.goto("/review");
    await expect(page.getByRole("region", { name: /Awaiting your signature/ }).locator(`a[href="${returned}"]`)).toHaveCount(0);
  });

  test("an assistant's one-tap concern reaches the therapist at the top of the queue", async ({ page }, info) => {
    const { concern } = plan(info);
    await signIn(page, ACCOUNTS.ana);
    await page.goto("/patients");
    await page.getByRole("link", { name: new RegExp(concern) }).click();
    await expect(page.getByRole("heading", { name: "Your delegated tasks" })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yIssues(page);
    await page.getByRole("button", { name: "Report fall" }).click();
    await expect(page.getByText("Fall concern sent to Peter Park, DPT.")).toBeVisible();
    await signOut(page);

    await signIn(page, ACCOUNTS.peter);
    const concerns = page.getByRole("region", { name: /Urgent concerns/ });
    const card = concerns.getByRole("region", { name: `Concern: Fall — ${concern}` });
    await expect(card).toBeVisible();
    await card.getByLabel("Comment").fill("Called the family; checking in person at 3 pm.");
    await card.getByRole("button", { name: "Acknowledge" }).click();
    await expect(concerns.getByRole("region", { name: `Concern: Fall — ${concern}` })).toHaveCount(0);
  });

  test("patient progress shows charts and the date filter; the CSV export downloads", async ({ page }, info) => {
    const { sign } = plan(info);
    await signIn(page, ACCOUNTS.peter);
    await page.goto("/patients");
    await page.getByRole("link", { name: new RegExp(sign) }).click();
    await expect(page.getByRole("heading", { name: "Progress" })).toBeVisible();
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    const range = page.getByRole("form", { name: "Date range" });
    const to = await range.getByLabel("To").inputValue();
    await range.getByLabel("From").fill(to);
    await range.getByRole("button", { name: "Show" }).click();
    await expect(page).toHaveURL(new RegExp(`from=${to}&to=${to}`));
    await expect(page.getByText("No signed measurements in this period.").first()).toBeVisible();
    await page.goBack();
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yIssues(page);
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download entries (CSV)" }).click();
    expect((await download).suggestedFilename()).toMatch(/^entries-SR-\d+-.*\.csv$/);
  });
});

test.describe("care plan and progress reports", () => {
  test("delegating to an assistant without the competency is refused with a clear message", async ({ page }) => {
    await signIn(page, ACCOUNTS.peter);
    await page.goto("/patients");
    await page.getByRole("link", { name: /Segun Notreal/ }).click();
    await page.getByRole("link", { name: "Goals and delegations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Goals and delegations/ })).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yIssues(page);
    const form = page.getByRole("form", { name: "New delegation" });
    await form.getByLabel("Assistant").selectOption({ label: "Ana Alvarez" });
    await form.getByLabel("Task type").selectOption({ label: "Balance activities" });
    await form.getByLabel("Instructions").fill("Static standing balance, contact guard.");
    await form.getByRole("button", { name: "Delegate" }).click();
    await expect(form.getByTestId("form-message")).toHaveText(
      "Ana Alvarez has no current competency for Balance activities. Record their competency first, then delegate.",
    );
  });

  test("the therapist keeps the patient's precautions on the care page", async ({ page }, info) => {
    // one patient per project: the projects share one database and the save is version-checked
    const patient = { "tablet-portrait": "Segun Notreal", "tablet-landscape": "Keiko Dummerford" }[info.project.name] ?? "Rafael Exampleton";
    await signIn(page, ACCOUNTS.peter);
    await page.goto("/patients");
    await page.getByRole("link", { name: new RegExp(patient) }).click();
    await page.getByRole("link", { name: "Goals and delegations" }).click();
    const form = page.getByRole("form", { name: "Precautions" });
    const field = form.getByLabel("Precautions (one per line)");
    await field.fill(`${await field.inputValue()}\nNo resisted hip abduction`);
    await form.getByRole("button", { name: "Save precautions" }).click();
    await expect(form.getByTestId("form-message")).toHaveText("Precautions saved.");
    await page.reload();
    await expect(page.getByRole("form", { name: "Precautions" }).getByLabel("Precautions (one per line)")).toHaveValue(/No resisted hip abduction$/);
  });

  test("an assistant's progress report is compiled, acknowledged by the therapist, printed and downloaded", async ({ page }, info) => {
    const { concern: patient } = plan(info);
    await signIn(page, ACCOUNTS.ana);
    await page.goto("/reports/new");
    const form = page.getByRole("form", { name: "Progress report" });
    await form.getByLabel("Patient").selectOption({ label: patient });
    await form.getByLabel("Narrative").fill("Steady gains this fortnight; motivated and asks for more practice.");
    await form.getByRole("button", { name: "Send to therapist" }).click();
    await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 2, name: "Attendance" })).toBeVisible();
    const reportUrl = page.url();
    await signOut(page);

    await signIn(page, ACCOUNTS.peter);
    await page.goto(reportUrl);
    await expectNoSeriousA11yIssues(page);
    const ack = page.getByRole("form", { name: "Acknowledge report" });
    await ack.getByLabel("Comment").fill("Thank you, keep going with the stairs.");
    await ack.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByText("Thank you, keep going with the stairs.")).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download PDF" }).click();
    expect((await download).suggestedFilename()).toMatch(/^progress-report-SR-\d+-.*\.pdf$/);
    await page.getByRole("link", { name: "Print view" }).click();
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    await expect(page.getByText(/Contains protected health information/)).toBeVisible();
  });
});

test("admins see overdue sign-offs by name and age, without clinical content", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  // the overview carries the panel; the full list is one link away
  await expect(page.getByRole("region", { name: /Overdue sign-off/ })).toContainText("Keiko Dummerford");
  await page.goto("/review/overdue");
  await expect(page.getByRole("heading", { level: 1, name: "Overdue sign-off" })).toBeVisible();
  const panel = page.getByRole("region", { name: /Overdue sign-off/ });
  await expect(panel).toContainText("Keiko Dummerford · by Sam Sato · awaiting Peter Park");
  await expect(panel).not.toContainText("Attitude");
  await expectNoSeriousA11yIssues(page);
  // and the entry itself stays out of an admin's reach
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
});
