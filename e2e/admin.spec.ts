import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, signIn, signOut } from "./fixtures";

// The three projects share one demo database per run: each books its own evening slot (the demo day
// is full from 08:00 to 16:45), so parallel runs never collide.
const SLOT: Record<string, [start: string, end: string]> = {
  "tablet-portrait": ["17:00", "17:45"],
  "tablet-landscape": ["18:00", "18:45"],
  desktop: ["19:00", "19:45"],
};

/** A time range as the schedule shows it (lib/time.ts formatClinicTimeRange, English): "5:00 – 5:45 PM". */
function shownRange(from: string, to: string): string {
  const at = (t: string) => Date.UTC(2000, 0, 1, Number(t.slice(0, 2)), Number(t.slice(3, 5)));
  return new Intl.DateTimeFormat("en", { timeZone: "UTC", hour: "numeric", minute: "2-digit" }).formatRange(at(from), at(to));
}
const plus = (t: string, minutes: number) => {
  const m = Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)) + minutes;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

async function expectNoSeriousA11yIssues(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
}

async function expectNoHorizontalScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

test("the admin books a weekly series, a clashing series is refused date by date, and the assistant's day shows it", async ({ page }, testInfo) => {
  const [start, end] = SLOT[testInfo.project.name] ?? ["20:00", "20:45"];
  await signIn(page, ACCOUNTS.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schedule" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await page.getByRole("link", { name: "New booking" }).click();

  const form = page.getByRole("form", { name: "New booking" });
  await form.getByLabel("Weekly series").check();
  await form.getByLabel("Patient").selectOption({ label: "Toby Mockridge (SR-1006)" });
  await form.getByLabel("Room").selectOption({ label: "Sensory Room" });
  await form.getByLabel("Therapist").selectOption({ label: "Olivia Ortiz" });
  await form.getByLabel("Assistant (optional)").selectOption({ label: "Ana Alvarez" });
  await form.getByLabel("Start time").fill(start);
  await form.getByLabel("Length (minutes)").fill("45");
  await form.getByLabel("Number of appointments", { exact: true }).fill("2");
  await expectNoSeriousA11yIssues(page);
  await expectNoHorizontalScroll(page);
  await form.getByRole("button", { name: "Book series" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Series booked: 2 appointment(s).");

  // Another patient with the same therapist at the same time: every date is reported, nothing saved.
  await form.getByLabel("Patient").selectOption({ label: "Bernie Pseudoman (SR-1010)" });
  await form.getByLabel("Room").selectOption({ label: "Speech Room" });
  await form.getByLabel("Assistant (optional)").selectOption({ label: "No assistant" });
  await form.getByRole("button", { name: "Book series" }).click();
  const conflicts = form.getByRole("alert", { name: "Conflicts" });
  await expect(conflicts).toContainText("Nothing was saved: 2 of 2 dates clash.");
  await expect(conflicts.getByRole("listitem")).toHaveCount(2);
  await expect(conflicts.getByRole("listitem").first()).toContainText("Therapist busy: Olivia Ortiz is busy");
  await expect(conflicts).toContainText("one aide-assisted appointment per therapist at a time");

  // The day, filtered to the assistant, shows the new appointment at its local time.
  await page.goto("/schedule?view=day");
  await page.getByLabel("Staff member").selectOption({ label: "Ana Alvarez" });
  await page.getByRole("button", { name: "Show" }).click();
  const booked = page.getByRole("link").filter({ hasText: shownRange(start, end) }).filter({ hasText: "Toby Mockridge" });
  await expect(booked).toBeVisible();
  await expect(page.getByRole("link").filter({ hasText: shownRange(start, end) }).filter({ hasText: "Bernie Pseudoman" })).toHaveCount(0);
  await expectNoSeriousA11yIssues(page);
  await signOut(page);

  // The assistant: the schedule itself is an admin page; her Today lists the new appointment at its time.
  await signIn(page, ACCOUNTS.ana);
  await expect(page).toHaveURL("/today");
  const [h, m] = start.split(":").map(Number) as [number, number];
  const shown = `${((h + 11) % 12) + 1}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
  await expect(page.getByRole("article", { name: "Toby Mockridge" }).filter({ hasText: shown })).toBeVisible();
  const refused = await page.goto("/schedule");
  expect(refused?.status()).toBe(403);
});

test("the week view by room and by staff shows the clinic's day in its own zone, and navigates weeks", async ({ page }) => {
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/schedule");
  const wide = (page.viewportSize()?.width ?? 0) >= 1024;
  if (wide) {
    const grid = page.getByRole("region", { name: "Week by room" });
    await expect(grid.getByRole("rowheader", { name: "Main Gym" })).toBeVisible();
    await expect(grid.getByRole("link").filter({ hasText: shownRange("08:00", "08:45") }).first()).toBeVisible();
    await page.getByRole("link", { name: "Week by staff" }).click();
    await expect(page.getByRole("region", { name: "Week by staff" }).getByRole("rowheader", { name: "Peter Park" })).toBeVisible();
  } else {
    await expect(page.getByRole("link").filter({ hasText: shownRange("08:00", "08:45") }).first()).toBeVisible();
  }
  await expectNoHorizontalScroll(page);
  await page.getByRole("link", { name: "Next week" }).click();
  await expect(page).toHaveURL(/week=\d{4}-\d{2}-\d{2}/);
  await expectNoSeriousA11yIssues(page);
});

test("a new account must set its own password first, and deactivation signs it out at once", async ({ page, browser }, testInfo) => {
  const tag = testInfo.project.name.replace(/[^a-z]/g, "");
  const email = `e2e.${tag}@sunrise.example`;
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/people");
  const add = page.getByRole("form", { name: "Add a person" });
  await add.getByLabel("Name", { exact: true }).fill(`Eve ${tag}`);
  await add.getByLabel("Email (their sign-in name)").fill(email);
  await add.getByLabel("Role").selectOption("assistant");
  await add.getByLabel("Title (e.g. OTR/L, Rehabilitation Aide)").fill("Therapy Aide");
  await add.getByLabel("Initial password (at least 12 characters)").fill("initial-password-1");
  await add.getByRole("button", { name: "Create account" }).click();
  await expect(add.getByTestId("form-message")).toContainText(`Account created for Eve ${tag}`);
  await expectNoSeriousA11yIssues(page);

  // the new person: every page sends them to set a password first
  const other = await browser.newContext();
  const eve = await other.newPage();
  await signIn(eve, email, "initial-password-1");
  await expect(eve).toHaveURL("/account/password");
  await eve.goto("/today");
  await expect(eve).toHaveURL("/account/password");
  await eve.getByLabel("Current password").fill("initial-password-1");
  await eve.getByLabel("New password (at least 12 characters)").fill("eves-own-password-2");
  await eve.getByLabel("New password again").fill("eves-own-password-2");
  await eve.getByRole("button", { name: "Set new password" }).click();
  await expect(eve).toHaveURL("/today");

  // the admin deactivates her: her next request is refused
  await page.reload();
  await page.getByRole("link", { name: new RegExp(`Eve ${tag}`) }).click();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByText("Deactivated. Their sessions have ended.")).toBeVisible();
  await eve.reload();
  await expect(eve).toHaveURL(/\/login/);
  await other.close();
});

test("patients: add, find by MRN, discharge; the audit log shows it and exports CSV", async ({ page }, testInfo) => {
  const mrn = `E2E-${testInfo.project.name.replace(/[^a-z]/g, "").slice(0, 12).toUpperCase()}`;
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/admin/patients/new");
  const form = page.getByRole("form", { name: "Patient details" });
  await form.getByLabel("Medical record number (MRN)").fill(mrn);
  await form.getByLabel("Date of birth").fill("1961-02-03");
  await form.getByLabel("First name").fill("Quentin");
  await form.getByLabel("Last name").fill("Sampleby");
  await form.getByRole("button", { name: "Add patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Quentin Sampleby" })).toBeVisible();

  await page.goto("/admin/patients");
  await page.getByLabel("Name or MRN").fill(mrn.toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: /Quentin Sampleby/ }).click();
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Discharge patient" }).click();
  await expect(page.getByText("Discharged. The record is kept")).toBeVisible();
  await expectNoHorizontalScroll(page);

  await page.goto("/admin/audit?action=patient.discharge");
  await expect(page.getByRole("region", { name: "Audit events" }).getByRole("row").filter({ hasText: mrn })).toHaveCount(1);
  await expectNoSeriousA11yIssues(page);
  const csv = await page.request.get("/admin/audit/export?action=patient.create");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(mrn);
  await signOut(page);
  await signIn(page, ACCOUNTS.olivia);
  expect((await page.request.get("/admin/audit/export")).status()).toBe(403);
});

test("an appointment of a series is moved and cancelled with the following ones", async ({ page }, testInfo) => {
  const [start] = SLOT[testInfo.project.name] ?? ["20:00", "20:45"];
  const later = `${start.slice(0, 2)}:15`;
  await signIn(page, ACCOUNTS.admin);
  await page.goto("/schedule/new");
  const form = page.getByRole("form", { name: "New booking" });
  await form.getByLabel("Patient").selectOption({ label: "Aiyana Trialsworth (SR-1009)" });
  await form.getByLabel("Room").selectOption({ label: "Main Gym" });
  await form.getByLabel("Therapist").selectOption({ label: "Peter Park" });
  await form.getByLabel("Assistant (optional)").selectOption({ label: "Sam Sato" });
  await form.getByLabel("Start time").fill(start);
  await form.getByLabel("Length (minutes)").fill("30");
  await form.getByLabel("Number of appointments", { exact: true }).fill("3");
  await form.getByRole("button", { name: "Book series" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Series booked: 3 appointment(s).");

  await page.goto("/schedule?view=day");
  await page.getByRole("link").filter({ hasText: "Aiyana Trialsworth" }).filter({ hasText: shownRange(start, plus(start, 30)) }).click();
  const edit = page.getByRole("form", { name: "Edit or move appointment" });
  await edit.getByLabel("Start time").fill(later);
  await edit.getByLabel("This and the following ones (each keeps its date)").check();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByTestId("form-message")).toHaveText("Saved (3 appointments).");
  await expect(page.getByText(shownRange(later, plus(later, 30)))).toBeVisible();

  const cancel = page.getByRole("form", { name: "Cancel appointment" });
  await cancel.getByLabel("Reason").fill("Patient away for three weeks");
  await cancel.getByLabel("This and the following ones").check();
  await cancel.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(page.getByText("This appointment was cancelled; its slot is free.")).toBeVisible();
  await page.goto("/schedule?view=day");
  await expect(page.getByRole("link").filter({ hasText: "Aiyana Trialsworth" }).filter({ hasText: shownRange(later, plus(later, 30)) })).toHaveCount(0);
});
