import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { SAMPLE_IDS } from "../scripts/reliability/samples";
import { ACCOUNTS, signIn } from "./fixtures";

/**
 * The assistant's day. The demo database is shared by parallel workers and projects, so each project
 * works on its own patients (Ana has seven appointments today) and no test depends on another.
 */
type Plan = { patient: string; therapist: string; tasks: string[]; goal: { description: string; value: string; unit: string }; late: string };
const PLANS: Record<string, Plan> = {
  "tablet-portrait": {
    patient: "Maggie Testwell",
    therapist: "Peter Park, DPT",
    tasks: ["Gait training", "Therapeutic exercise"],
    goal: { description: "Walk 150 ft with rolling walker and supervision", value: "85", unit: "ft" },
    late: "Lucy Demoreyes",
  },
  "tablet-landscape": {
    patient: "Aiyana Trialsworth",
    therapist: "Peter Park, DPT",
    tasks: ["Gait training"],
    goal: { description: "Climb 12 stairs step-over-step", value: "7", unit: "steps" },
    late: "Deshawn Samplefield",
  },
  desktop: {
    patient: "Bernie Pseudoman",
    therapist: "Olivia Ortiz, OTR/L",
    tasks: ["Transfer practice"],
    goal: { description: "Bed-to-chair transfers with minimal assistance", value: "3", unit: "transfers" },
    late: "Toby Mockridge",
  },
};
const planFor = (info: TestInfo) => PLANS[info.project.name] ?? PLANS["tablet-portrait"]!;

async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test.describe("the assistant's day", () => {
  test("marks a patient present (with an undo), records an observation across a reload, and submits it", async ({ page }, info) => {
    const plan = planFor(info);
    await signIn(page, ACCOUNTS.ana);
    await expect(page).toHaveURL("/today");
    await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
    // .first(): the demo appointment; another spec may book the same patient later today
    const card = page.getByRole("article", { name: plan.patient }).first();
    await expect(card).toBeVisible();
    await expect(card.getByText(plan.therapist, { exact: true })).toBeVisible();
    await expect(card.getByText("No entry yet")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoSeriousA11yViolations(page);

    // a mis-tap, undone, then the right tap
    await card.getByRole("button", { name: "No-show" }).click();
    await expect(card.getByRole("button", { name: "No-show" })).toHaveAttribute("aria-pressed", "true");
    await card.getByRole("button", { name: "Undo" }).click();
    await expect(card.getByText("Undone")).toBeVisible();
    await expect(card.getByRole("button", { name: "No-show" })).toHaveAttribute("aria-pressed", "false");
    await card.getByRole("button", { name: "Present", exact: true }).click();
    await expect(card.getByRole("button", { name: "Present", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(card.getByText(/^Arrived /)).toBeVisible();

    await card.getByRole("link", { name: `Log session for ${plan.patient}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Session with ${plan.patient}` })).toBeVisible();
    await expectNoHorizontalScroll(page);

    for (const task of plan.tasks) {
      await page.getByRole("group", { name: task }).getByRole("radio", { name: "Done", exact: true }).check();
      await page.getByLabel(`Note on ${task.toLowerCase()}`).fill(`${task} went well`);
    }
    const goal = page.getByRole("group", { name: plan.goal.description });
    await goal.getByLabel(`Measured value (${plan.goal.unit})`).fill(plan.goal.value);
    await goal.getByRole("radio", { name: "Supervision" }).check();
    await page.getByRole("group", { name: "Attitude today (1–5)" }).getByRole("radio", { name: /^4/ }).check();
    await page.getByRole("checkbox", { name: "Engaged" }).check();
    await expect(page.getByTestId("draft-status")).toContainText("Draft kept on this tablet");

    // typed just before the tablet reloads: kept on the tablet (encrypted) even if it was never sent
    await page.getByLabel("Accomplishments", { exact: true }).fill("Did the whole routine with one rest break");
    await page.reload();
    await expect(page.getByLabel("Accomplishments", { exact: true })).toHaveValue("Did the whole routine with one rest break");
    await expect(page.getByRole("group", { name: plan.tasks[0]! }).getByRole("radio", { name: "Done", exact: true })).toBeChecked();
    await expect(goal.getByLabel(`Measured value (${plan.goal.unit})`)).toHaveValue(plan.goal.value);
    await expect(page.getByRole("checkbox", { name: "Engaged" })).toBeChecked();

    await page.getByLabel("Comfort and physical needs attended").fill("Water, repositioned cushion");
    await page.getByRole("button", { name: "Add education given" }).click();
    await page.getByRole("textbox", { name: "Topic" }).fill("Safe transfers at home");
    await page.getByRole("group", { name: "Taught to" }).getByRole("radio", { name: "Family" }).check();
    await page.getByRole("group", { name: "Method" }).getByRole("radio", { name: "Demonstration" }).check();
    await page.getByRole("group", { name: "Understanding shown by teach-back" }).getByRole("radio", { name: "Partial" }).check();
    await expect(page.getByRole("textbox", { name: "Language" })).toHaveValue("English");
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("button", { name: `Submit to ${plan.therapist}` }).click();
    await expect(page.getByText(`Awaiting signature from ${plan.therapist}`)).toBeVisible();
    await expect(page.getByText("Safe transfers at home")).toBeVisible();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("theratrack:observation:")))).toEqual([]);

    await page.getByRole("link", { name: "Today" }).first().click();
    await expect(page.getByRole("article", { name: plan.patient }).first().getByText("Awaiting signature")).toBeVisible();
  });

  test("marks a late arrival with its time", async ({ page }, info) => {
    const plan = planFor(info);
    await signIn(page, ACCOUNTS.ana);
    const card = page.getByRole("article", { name: plan.late }).first();
    // the button stays disabled until the card has hydrated, so the click waits for a working one
    await card.getByRole("button", { name: "Late", exact: true }).click();
    await expect(card.getByLabel("Arrival time")).not.toHaveValue("");
    await card.getByRole("button", { name: "Save late arrival" }).click();
    await expect(card.getByRole("button", { name: "Late", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(card.getByText(/^Arrived /)).toBeVisible();
    await expectNoHorizontalScroll(page);
    // the concern buttons are rendered when their disclosure first opens (not tapped here: no concern is raised)
    await expect(card.getByRole("button", { name: "Report pain" })).toHaveCount(0);
    await card.getByText(`Urgent concern about ${plan.late}…`).click();
    for (const kind of ["pain", "fall", "change in condition"]) await expect(card.getByRole("button", { name: `Report ${kind}` })).toBeEnabled();
  });

  test("an entry cannot be logged for another assistant's appointment", async ({ page }) => {
    // Ana's 08:00 appointment today, by its demo id (no dependence on what other tests do to her cards).
    // The page is a static shell (no data in it); Sam's working set does not hold Ana's appointment,
    // so there is no form and no patient, and the outbox endpoint refuses the write (e2e/offline-api.spec.ts).
    await signIn(page, ACCOUNTS.sam);
    await page.goto(`/sessions/${SAMPLE_IDS.appointment!.own}`);
    await expect(page.getByText("This appointment is not in your day on this tablet.")).toBeVisible();
    await expect(page.getByRole("form", { name: "Session observation" })).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(0);
  });
});
